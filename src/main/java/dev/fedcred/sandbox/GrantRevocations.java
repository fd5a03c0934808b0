package dev.fedcred.sandbox;

import java.util.Set;
import java.util.concurrent.ConcurrentHashMap;

/**
 * Grants revoked because their authorization code was replayed. Checked on every token lookup, not
 * only applied by deleting tokens, because a replay can race the first redemption: the second
 * request may revoke before the first has finished issuing its tokens.
 */
final class GrantRevocations {

    private final Set<String> revoked = ConcurrentHashMap.newKeySet();

    void revoke(String grantId) {
        revoked.add(grantId);
    }

    boolean isRevoked(Grant grant) {
        return revoked.contains(grant.id());
    }
}
