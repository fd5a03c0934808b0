package dev.fedcred.core.oidc;

import java.net.URI;
import java.util.Map;
import java.util.Set;

/** What an issuer is, where that changes the protocol details. */
public enum IssuerKind {
    /** Any OpenID Connect provider found by discovery. */
    GENERIC,
    /**
     * Google: a refresh token only comes back with {@code access_type=offline} and
     * {@code prompt=consent}, and ID tokens carry {@code iss} with or without the scheme.
     */
    GOOGLE,
    /** fedcred's own loopback emulator: no cloud account needed. */
    SANDBOX;

    public static final URI GOOGLE_ISSUER = URI.create("https://accounts.google.com");

    public Map<String, String> extraAuthorizationParameters() {
        return this == GOOGLE ? Map.of("access_type", "offline", "prompt", "consent") : Map.of();
    }

    /** The {@code iss} values an ID token from this issuer may carry. */
    public Set<String> acceptedIssuerClaims(URI issuer) {
        String canonical = issuer.toString();
        if (this == GOOGLE) {
            return Set.of(canonical, issuer.getHost());
        }
        return Set.of(canonical);
    }
}
