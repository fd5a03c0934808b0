package dev.fedcred.core.kube;

import dev.fedcred.core.UtcInstants;
import dev.fedcred.core.cache.CacheEntry;
import dev.fedcred.core.cache.CredentialCache;
import java.nio.file.Path;

/** The last token per Kubernetes target, so kubectl's call on every command answers without a cloud. */
public final class KubeTokenCache extends CredentialCache<KubeToken> {

    public KubeTokenCache(Path file) {
        super(file, "the Kubernetes token cache");
    }

    @Override
    protected void write(KubeToken token, CacheEntry entry) {
        entry.put("token", token.token());
        entry.put("expires_at", UtcInstants.format(token.expiresAt()));
        entry.put("via", token.via());
        entry.put("identity", token.identity());
    }

    @Override
    protected KubeToken read(CacheEntry entry) {
        return new KubeToken(entry.text("token"), UtcInstants.parse(entry.text("expires_at")), entry.text("via"),
                entry.text("identity"));
    }
}
