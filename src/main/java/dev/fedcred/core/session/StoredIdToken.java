package dev.fedcred.core.session;

import com.fasterxml.jackson.databind.JsonNode;
import dev.fedcred.core.JsonTrees;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.time.Instant;
import java.util.Base64;
import java.util.Optional;

/**
 * An ID token as the token cache holds it (verified when it was stored), with its times read from
 * the payload alone: no JWT library, for hot paths that only hand the token on. {@link #toString()}
 * never shows the token.
 */
public record StoredIdToken(String raw, Instant issuedAt, Instant expiresAt) {

    /** How long the issuer made it live. */
    public Duration lifetime() {
        return Duration.between(issuedAt, expiresAt);
    }

    /** The token's {@code iat} and {@code exp}; empty when it is not a JWT with both. */
    static Optional<StoredIdToken> of(String raw) {
        try {
            String[] parts = raw.split("\\.");
            JsonNode claims = JsonTrees.read(new String(Base64.getUrlDecoder().decode(parts[1]), StandardCharsets.UTF_8));
            if (!claims.path("exp").isNumber() || !claims.path("iat").isNumber()) {
                return Optional.empty();
            }
            return Optional.of(new StoredIdToken(raw, Instant.ofEpochSecond(claims.get("iat").asLong()),
                    Instant.ofEpochSecond(claims.get("exp").asLong())));
        } catch (IOException | RuntimeException e) {
            return Optional.empty();
        }
    }

    @Override
    public String toString() {
        return "StoredIdToken[issuedAt=" + issuedAt + ", expiresAt=" + expiresAt + "]";
    }
}
