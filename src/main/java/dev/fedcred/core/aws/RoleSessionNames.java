package dev.fedcred.core.aws;

import dev.fedcred.core.oidc.TokenSet;

/**
 * The RoleSessionName STS requires, [\w+=,.@-]{2,64}: taken from the token's email (what shows
 * in CloudTrail for a person) or else its sub, with other characters replaced.
 */
public final class RoleSessionNames {
    private RoleSessionNames() {
    }

    public static String fromClaims(TokenSet tokens) {
        String source = tokens.stringClaim("email") != null ? tokens.stringClaim("email") : tokens.subject();
        return clean(source == null ? "fedcred" : source);
    }

    /**
     * The session name of a session reached from {@code sourceArn} (an assumed-role ARN): the
     * source session's own, so CloudTrail shows the same person along the whole chain.
     */
    public static String fromSourceSession(String sourceArn) {
        return clean(sourceArn.substring(sourceArn.lastIndexOf('/') + 1));
    }

    static String clean(String raw) {
        StringBuilder cleaned = new StringBuilder();
        raw.codePoints().forEach(c -> cleaned.append(isAllowed(c) ? Character.toString(c) : "-"));
        String name = cleaned.length() > 64 ? cleaned.substring(0, 64) : cleaned.toString();
        return name.length() < 2 ? "fedcred-" + name : name;
    }

    private static boolean isAllowed(int c) {
        return (c >= 'a' && c <= 'z') || (c >= 'A' && c <= 'Z') || (c >= '0' && c <= '9') || "_+=,.@-".indexOf(c) >= 0;
    }
}
