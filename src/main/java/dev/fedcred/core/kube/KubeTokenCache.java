package dev.fedcred.core.kube;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import dev.fedcred.core.cache.CredentialCache;
import java.nio.file.Path;
import java.time.Instant;

/** The last token per Kubernetes target, so kubectl's call on every command answers without a cloud. */
public final class KubeTokenCache extends CredentialCache<KubeToken> {

    public KubeTokenCache(Path file) {
        super(file, "the Kubernetes token cache");
    }

    @Override
    protected void write(KubeToken token, ObjectNode node) {
        node.put("token", token.token());
        node.put("expires_at", token.expiresAt().toString());
        node.put("via", token.via());
        node.put("identity", token.identity());
    }

    @Override
    protected KubeToken read(JsonNode node) {
        return new KubeToken(text(node, "token"), Instant.parse(text(node, "expires_at")), text(node, "via"),
                text(node, "identity"));
    }
}
