package dev.fedcred.sandbox;

import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.util.Map;
import java.util.concurrent.ConcurrentHashMap;

/**
 * Authorization requests waiting for the user's click on the sign-in page.
 *
 * <p>The page's form carries only an opaque id, never the original parameters, so the decision
 * POST cannot be used to smuggle in a different redirect_uri or code_challenge than the one
 * that was validated. Each id can be decided once.
 */
final class PendingAuthorizations {

    /** Long enough to read the page, short enough that stale tabs stop working. */
    static final Duration LIFETIME = Duration.ofMinutes(10);

    private record Pending(AuthorizationRequest request, Instant expiresAt) {
    }

    private final Map<String, Pending> pending = new ConcurrentHashMap<>();
    private final Clock clock;

    PendingAuthorizations(Clock clock) {
        this.clock = clock;
    }

    String add(AuthorizationRequest request) {
        Instant now = clock.instant();
        pending.values().removeIf(p -> !now.isBefore(p.expiresAt()));
        String id = RandomTokens.next();
        pending.put(id, new Pending(request, now.plus(LIFETIME)));
        return id;
    }

    /** Removes and returns the request, or null if the id is unknown, used or expired. */
    AuthorizationRequest take(String id) {
        if (id == null) {
            return null;
        }
        Pending p = pending.remove(id);
        if (p == null || !clock.instant().isBefore(p.expiresAt())) {
            return null;
        }
        return p.request();
    }
}
