package dev.fedcred.sandbox;

import java.util.LinkedHashMap;
import java.util.Map;
import java.util.Set;

/**
 * The single identity the sandbox issuer signs in. Fixed values, so tests and screenshots are
 * repeatable; all of them are obviously fake (example.com, RFC 2606). A test may change them
 * through {@link SandboxOptions#withUserClaim}.
 */
public final class SandboxUser {

    public static final String SUBJECT = "sandbox-user-0001";
    public static final String EMAIL = "sandbox.user@example.com";
    public static final boolean EMAIL_VERIFIED = true;
    public static final String NAME = "Sandbox User";
    public static final String GIVEN_NAME = "Sandbox";
    public static final String FAMILY_NAME = "User";
    public static final String LOCALE = "en";
    public static final String PICTURE = "https://example.com/sandbox-user.png";

    private SandboxUser() {
    }

    /**
     * The user's claims that the granted scopes release, as Google does: {@code sub} always,
     * {@code email}/{@code email_verified} only with scope {@code email}, the name, picture and
     * locale only with scope {@code profile}. A client that asks for too little should notice
     * here, not in production.
     */
    static Map<String, Object> claimsFor(Set<String> grantedScopes) {
        return claimsFor(grantedScopes, Map.of());
    }

    /** {@link #claimsFor(Set)} with {@code changed} values: a standard claim keeps its scope, any other is added. */
    static Map<String, Object> claimsFor(Set<String> grantedScopes, Map<String, Object> changed) {
        Map<String, Object> claims = standardClaimsFor(grantedScopes);
        Map<String, Object> everyStandardClaim = standardClaimsFor(Set.of("email", "profile"));
        changed.forEach((name, value) -> {
            if (claims.containsKey(name) || !everyStandardClaim.containsKey(name)) {
                claims.put(name, value);
            }
        });
        return claims;
    }

    private static Map<String, Object> standardClaimsFor(Set<String> grantedScopes) {
        Map<String, Object> claims = new LinkedHashMap<>();
        claims.put("sub", SUBJECT);
        if (grantedScopes.contains("email")) {
            claims.put("email", EMAIL);
            claims.put("email_verified", EMAIL_VERIFIED);
        }
        if (grantedScopes.contains("profile")) {
            claims.put("name", NAME);
            claims.put("given_name", GIVEN_NAME);
            claims.put("family_name", FAMILY_NAME);
            claims.put("picture", PICTURE);
            claims.put("locale", LOCALE);
        }
        return claims;
    }
}
