package dev.fedcred.core.gcp;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import dev.fedcred.core.cache.CredentialCache;
import java.nio.file.Path;
import java.time.Instant;

/** The last access token per GCP target, for {@code gcp print-access-token}. */
public final class GcpTokenCache extends CredentialCache<GcpAccessToken> {

    public GcpTokenCache(Path file) {
        super(file, "the GCP token cache");
    }

    @Override
    protected void write(GcpAccessToken token, ObjectNode node) {
        node.put("access_token", token.accessToken());
        node.put("expires_at", token.expiresAt().toString());
        if (token.serviceAccount() != null) {
            node.put("service_account", token.serviceAccount());
        }
        node.put("principal", token.principal());
    }

    @Override
    protected GcpAccessToken read(JsonNode node) {
        JsonNode account = node.get("service_account");
        return new GcpAccessToken(text(node, "access_token"), Instant.parse(text(node, "expires_at")),
                account != null && account.isTextual() ? account.asText() : null, text(node, "principal"));
    }
}
