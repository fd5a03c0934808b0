package dev.fedcred.sandbox;

import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.util.Map;
import java.util.concurrent.ConcurrentHashMap;

/**
 * Issued authorization codes and what each was issued for.
 *
 * <p>A code is single use and short lived (RFC 6749 section 4.1.2 recommends at most ten minutes;
 * the sandbox uses {@value #LIFETIME_SECONDS} s, so a slow client shows up). The first presentation
 * consumes it even if the rest of the token request then fails, so a stolen code cannot be tried
 * against several verifiers. A consumed code is remembered a while longer so that a second
 * presentation is recognised as a replay and the caller can revoke the grant.
 */
final class AuthorizationCodes {

    static final long LIFETIME_SECONDS = 60;
    static final Duration LIFETIME = Duration.ofSeconds(LIFETIME_SECONDS);
    /** How long a used code is remembered for replay detection. */
    private static final Duration REMEMBER_USED = Duration.ofMinutes(10);

    /** The outcome of presenting a code at the token endpoint. */
    sealed interface Redemption {
        record Valid(Grant grant, AuthorizationRequest request) implements Redemption {
        }

        record Replayed(Grant grant) implements Redemption {
        }

        record Expired() implements Redemption {
        }

        record Unknown() implements Redemption {
        }
    }

    private static final class Entry {
        final Grant grant;
        final AuthorizationRequest request;
        final Instant expiresAt;
        boolean used;

        Entry(Grant grant, AuthorizationRequest request, Instant expiresAt) {
            this.grant = grant;
            this.request = request;
            this.expiresAt = expiresAt;
        }
    }

    private final Map<String, Entry> codes = new ConcurrentHashMap<>();
    private final Clock clock;

    AuthorizationCodes(Clock clock) {
        this.clock = clock;
    }

    String issue(Grant grant, AuthorizationRequest request) {
        Instant now = clock.instant();
        codes.values().removeIf(e -> now.isAfter(e.expiresAt.plus(REMEMBER_USED)));
        String code = RandomTokens.next();
        codes.put(code, new Entry(grant, request, now.plus(LIFETIME)));
        return code;
    }

    /** Consumes the code. Synchronised so two concurrent presentations cannot both be "first". */
    Redemption redeem(String code) {
        Entry entry = codes.get(code);
        if (entry == null) {
            return new Redemption.Unknown();
        }
        synchronized (entry) {
            if (entry.used) {
                return new Redemption.Replayed(entry.grant);
            }
            entry.used = true;
            if (!clock.instant().isBefore(entry.expiresAt)) {
                return new Redemption.Expired();
            }
            return new Redemption.Valid(entry.grant, entry.request);
        }
    }
}
