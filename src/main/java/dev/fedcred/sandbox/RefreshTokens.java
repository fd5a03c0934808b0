package dev.fedcred.sandbox;

import java.util.Map;
import java.util.Optional;
import java.util.concurrent.ConcurrentHashMap;

/**
 * Opaque refresh tokens, one per grant. Like Google's they do not expire on their own and are not
 * rotated on use: the refresh response carries no new refresh token, and the client keeps using
 * the one it has. They die when the grant is revoked (a replayed authorization code) or the
 * sandbox stops.
 */
final class RefreshTokens {

    private final Map<String, Grant> tokens = new ConcurrentHashMap<>();
    private final GrantRevocations revocations;

    RefreshTokens(GrantRevocations revocations) {
        this.revocations = revocations;
    }

    String issue(Grant grant) {
        String token = RandomTokens.next();
        tokens.put(token, grant);
        return token;
    }

    Optional<Grant> find(String token) {
        return token == null
                ? Optional.empty()
                : Optional.ofNullable(tokens.get(token)).filter(grant -> !revocations.isRevoked(grant));
    }

    /** Forgets the grant's token; {@link GrantRevocations} covers one issued concurrently. */
    void forgetGrant(String grantId) {
        tokens.values().removeIf(g -> g.id().equals(grantId));
    }
}
