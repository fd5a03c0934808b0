package dev.fedcred.core.oidc;

import java.util.Set;

/**
 * What a valid ID token must say for this sign-in. {@code nonce} is null for a token from the
 * refresh grant (OIDC Core 12.2: it carries none); {@code subject} is null for a first sign-in
 * and the original {@code sub} after a refresh, which must not change.
 */
public record IdTokenExpectations(Set<String> issuers, String clientId, String nonce, String subject) {
    public IdTokenExpectations {
        issuers = Set.copyOf(issuers);
    }
}
