package dev.fedcred.core.oidc;

import java.time.Duration;
import java.time.Instant;
import java.util.Map;

/**
 * The result of a sign-in or refresh: a verified ID token with its decoded header and claims,
 * and the refresh token if the issuer gave one. {@link #toString()} never shows a token.
 */
public record TokenSet(
        String issuerName,
        String rawIdToken,
        Map<String, Object> header,
        Map<String, Object> claims,
        Instant expiresAt,
        Instant verifiedAt,
        String refreshToken) {

    public TokenSet {
        header = Map.copyOf(header);
        claims = Map.copyOf(claims);
    }

    public boolean hasRefreshToken() {
        return refreshToken != null && !refreshToken.isBlank();
    }

    public Duration timeLeft(Instant now) {
        Duration left = Duration.between(now, expiresAt);
        return left.isNegative() ? Duration.ZERO : left;
    }

    /**
     * How long the issuer made the ID token live ({@code exp - iat}); from the time fedcred verified it
     * when it has no {@code iat}.
     */
    public Duration lifetime() {
        Instant issuedAt = claims.get("iat") instanceof Number seconds ? Instant.ofEpochSecond(seconds.longValue()) : verifiedAt;
        Duration lifetime = Duration.between(issuedAt, expiresAt);
        return lifetime.isNegative() ? Duration.ZERO : lifetime;
    }

    public boolean isExpired(Instant now) {
        return !now.isBefore(expiresAt);
    }

    public String subject() {
        return stringClaim("sub");
    }

    /** The aud claim, or its first value when it is a list. */
    public String audience() {
        Object aud = claims.get("aud");
        if (aud instanceof Iterable<?> values) {
            return values.iterator().hasNext() ? String.valueOf(values.iterator().next()) : "";
        }
        return String.valueOf(aud);
    }

    public String stringClaim(String name) {
        Object value = claims.get(name);
        return value == null ? null : value.toString();
    }

    /** The same ID token with a different refresh token (a provider may rotate it). */
    public TokenSet withRefreshToken(String newRefreshToken) {
        return new TokenSet(issuerName, rawIdToken, header, claims, expiresAt, verifiedAt, newRefreshToken);
    }

    @Override
    public String toString() {
        return "TokenSet[issuer=" + issuerName + ", sub=" + subject() + ", expiresAt=" + expiresAt
                + ", refreshToken=" + (hasRefreshToken() ? "present" : "none") + "]";
    }
}
