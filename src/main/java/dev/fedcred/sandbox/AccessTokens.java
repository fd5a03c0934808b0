package dev.fedcred.sandbox;

import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import java.util.concurrent.ConcurrentHashMap;

/**
 * Opaque bearer access tokens, good only for {@code /userinfo}. They live for an hour like
 * Google's, independent of the configured ID token lifetime.
 */
final class AccessTokens {

    static final Duration LIFETIME = Duration.ofHours(1);

    /** What an access token allows: the user's claims for {@code scopes}, until {@code expiresAt}. */
    record AccessToken(String value, Grant grant, Set<String> scopes, Instant expiresAt) {
        AccessToken {
            scopes = Set.copyOf(scopes);
        }
    }

    private final Map<String, AccessToken> tokens = new ConcurrentHashMap<>();
    private final Clock clock;
    private final GrantRevocations revocations;

    AccessTokens(Clock clock, GrantRevocations revocations) {
        this.clock = clock;
        this.revocations = revocations;
    }

    AccessToken issue(Grant grant, Set<String> scopes) {
        Instant now = clock.instant();
        tokens.values().removeIf(t -> !now.isBefore(t.expiresAt()));
        AccessToken token = new AccessToken(RandomTokens.next(), grant, scopes, now.plus(LIFETIME));
        tokens.put(token.value(), token);
        return token;
    }

    /** The token if known and unexpired. */
    Optional<AccessToken> find(String value) {
        if (value == null) {
            return Optional.empty();
        }
        AccessToken token = tokens.get(value);
        if (token == null || !clock.instant().isBefore(token.expiresAt()) || revocations.isRevoked(token.grant())) {
            return Optional.empty();
        }
        return Optional.of(token);
    }

    /** Forgets the grant's tokens; {@link GrantRevocations} covers any issued concurrently. */
    void forgetGrant(String grantId) {
        tokens.values().removeIf(t -> t.grant().id().equals(grantId));
    }
}
