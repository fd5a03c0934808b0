package dev.fedcred.sandbox;

import java.time.Instant;
import java.util.Set;

/**
 * One approved sign-in: the user said yes to this client for these scopes at {@code authTime}.
 * Its authorization code, access tokens and refresh token all point back to it, so that a replayed
 * code can revoke everything issued from it (RFC 6749 section 4.1.2).
 *
 * @param id        opaque, internal only
 * @param scopes    the granted scopes (the requested ones the sandbox supports)
 */
record Grant(String id, String clientId, Set<String> scopes, Instant authTime) {

    Grant {
        scopes = Set.copyOf(scopes);
    }

    static Grant approve(String clientId, Set<String> scopes, Instant authTime) {
        return new Grant(RandomTokens.next(), clientId, scopes, authTime);
    }
}
