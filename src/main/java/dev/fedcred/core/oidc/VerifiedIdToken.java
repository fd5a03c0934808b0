package dev.fedcred.core.oidc;

import java.time.Instant;
import java.util.Map;

/** An ID token that passed every check, decoded. */
public record VerifiedIdToken(String raw, Map<String, Object> header, Map<String, Object> claims, Instant expiresAt) {
    @Override
    public String toString() {
        return "VerifiedIdToken[sub=" + claims.get("sub") + ", expiresAt=" + expiresAt + "]";
    }
}
