package dev.fedcred.core.gcp;

import dev.fedcred.core.UtcInstants;
import dev.fedcred.core.cache.CacheEntry;
import dev.fedcred.core.cache.CredentialCache;
import java.nio.file.Path;

/** The last access token per GCP target, for {@code gcp print-access-token}. */
public final class GcpTokenCache extends CredentialCache<GcpAccessToken> {

    public GcpTokenCache(Path file) {
        super(file, "the GCP token cache");
    }

    @Override
    protected void write(GcpAccessToken token, CacheEntry entry) {
        entry.put("access_token", token.accessToken());
        entry.put("expires_at", UtcInstants.format(token.expiresAt()));
        if (token.serviceAccount() != null) {
            entry.put("service_account", token.serviceAccount());
        }
        entry.put("principal", token.principal());
    }

    @Override
    protected GcpAccessToken read(CacheEntry entry) {
        return new GcpAccessToken(entry.text("access_token"), UtcInstants.parse(entry.text("expires_at")),
                entry.textOrNull("service_account"), entry.text("principal"));
    }
}
