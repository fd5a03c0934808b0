package dev.fedcred.sandbox;

import java.security.SecureRandom;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.util.Locale;
import java.util.Map;
import java.util.Objects;
import java.util.Optional;
import java.util.Set;
import java.util.concurrent.ConcurrentHashMap;

/**
 * The device authorization grant's codes (RFC 8628): each device code with its user code, what the
 * user decided on the verification page, and the polling rules of section 3.5 (a poll sooner than
 * the interval answers slow_down and adds five seconds; a code past its lifetime answers
 * expired_token; a code answered once is spent).
 *
 * <p>The public methods are test hooks, so a client's handling of each answer can be tested over real
 * HTTP without waiting minutes: a short interval or lifetime, expiring or deciding every waiting code
 * at once, a slow_down out of turn, an ID token for another audience, and an issuer that does not
 * offer the grant at all.
 */
public final class DeviceCodes {
    /** RFC 8628 section 3.2: the interval a client uses when none is given. */
    public static final Duration DEFAULT_INTERVAL = Duration.ofSeconds(5);
    public static final Duration DEFAULT_LIFETIME = Duration.ofMinutes(10);
    /** Consonants only, as RFC 8628 section 6.1 suggests: no vowels, so no words; no look-alikes. */
    private static final String USER_CODE_LETTERS = "BCDFGHJKLMNPQRSTVWXZ";
    private static final SecureRandom RANDOM = new SecureRandom();

    /** What a poll of the token endpoint finds. */
    sealed interface Poll {
        record Approved(Grant grant) implements Poll {
        }

        /** The OAuth error to answer with: authorization_pending, slow_down, expired_token, access_denied, ... */
        record Refused(OAuthError error) implements Poll {
        }
    }

    private enum Decision { PENDING, APPROVED, DENIED, SPENT }

    private static final class Entry {
        final String clientId;
        final Set<String> scopes;
        final String userCode;
        Instant expiresAt;
        Duration interval;
        Instant lastPoll;
        Decision decision = Decision.PENDING;
        Grant grant;

        Entry(String clientId, Set<String> scopes, String userCode, Instant expiresAt, Duration interval) {
            this.clientId = clientId;
            this.scopes = Set.copyOf(scopes);
            this.userCode = userCode;
            this.expiresAt = expiresAt;
            this.interval = interval;
        }
    }

    /** A code a client was just given. */
    record Issued(String deviceCode, String userCode, Duration lifetime, Duration interval) {
    }

    private final Clock clock;
    private final Map<String, Entry> byDeviceCode = new ConcurrentHashMap<>();
    private final Map<String, String> deviceCodeByUserCode = new ConcurrentHashMap<>();
    private volatile Duration interval = DEFAULT_INTERVAL;
    private volatile Duration lifetime = DEFAULT_LIFETIME;
    private volatile boolean offered = true;
    private volatile boolean slowDownNext;
    private volatile String audienceNext;
    private volatile String userCodeNext;

    DeviceCodes(Clock clock) {
        this.clock = clock;
    }

    // ---- test hooks ----

    /** The polling interval of codes issued from now on (whole seconds, at least one). */
    public void setInterval(Duration newInterval) {
        if (newInterval.toSeconds() < 1) {
            throw new IllegalArgumentException("the interval is whole seconds, at least 1, was " + newInterval);
        }
        interval = Duration.ofSeconds(newInterval.toSeconds());
    }

    /** The lifetime of codes issued from now on (whole seconds, at least one). */
    public void setLifetime(Duration newLifetime) {
        if (newLifetime.toSeconds() < 1) {
            throw new IllegalArgumentException("the lifetime is whole seconds, at least 1, was " + newLifetime);
        }
        lifetime = Duration.ofSeconds(newLifetime.toSeconds());
    }

    /** False: discovery names no device_authorization_endpoint and the endpoint answers 404, as most issuers. */
    public void setOffered(boolean isOffered) {
        offered = isOffered;
    }

    /** Every code still waiting expires now: its next poll answers expired_token. */
    public void expireAll() {
        Instant now = clock.instant();
        byDeviceCode.values().forEach(entry -> {
            synchronized (entry) {
                entry.expiresAt = now;
            }
        });
    }

    /** The user denies every code still waiting, as on the verification page. */
    public void denyAll() {
        byDeviceCode.values().forEach(entry -> decide(entry, false));
    }

    /** The user approves every code still waiting, as on the verification page. */
    public void approveAll() {
        byDeviceCode.values().forEach(entry -> decide(entry, true));
    }

    /** The next poll answers slow_down (and adds five seconds to its code's interval), however late it came. */
    public void slowDownNext() {
        slowDownNext = true;
    }

    /** The next ID token from this grant names {@code audience} instead of the client: a token a client must refuse. */
    public void idTokenForAudienceNext(String audience) {
        audienceNext = Objects.requireNonNull(audience, "audience");
    }

    /**
     * The next code issued shows {@code userCode} to the user instead of a made-up one: a hostile
     * issuer's code (control or bidi characters) for testing what a client prints.
     */
    public void userCodeNext(String userCode) {
        userCodeNext = Objects.requireNonNull(userCode, "userCode");
    }

    // ---- the protocol ----

    boolean offered() {
        return offered;
    }

    Issued issue(String clientId, Set<String> scopes, boolean approveAtOnce) {
        Instant now = clock.instant();
        byDeviceCode.entrySet().removeIf(e -> now.isAfter(e.getValue().expiresAt.plus(Duration.ofMinutes(10))));
        deviceCodeByUserCode.values().removeIf(code -> !byDeviceCode.containsKey(code));
        String deviceCode = RandomTokens.next();
        String chosen = userCodeNext;
        userCodeNext = null;
        String userCode = chosen != null ? chosen : newUserCode();
        Duration codeLifetime = lifetime;
        Duration codeInterval = interval;
        Entry entry = new Entry(clientId, scopes, userCode, now.plus(codeLifetime), codeInterval);
        byDeviceCode.put(deviceCode, entry);
        deviceCodeByUserCode.put(normalised(userCode), deviceCode);
        if (approveAtOnce) {
            decide(entry, true);
        }
        return new Issued(deviceCode, userCode, codeLifetime, codeInterval);
    }

    /** The scopes a waiting user code asks for, if the code is known, waiting and not expired. */
    Optional<Set<String>> waiting(String userCode) {
        Entry entry = byUserCode(userCode);
        if (entry == null) {
            return Optional.empty();
        }
        synchronized (entry) {
            boolean open = entry.decision == Decision.PENDING && clock.instant().isBefore(entry.expiresAt);
            return open ? Optional.of(entry.scopes) : Optional.empty();
        }
    }

    /** The user's answer on the verification page; false when the code is unknown, expired or answered. */
    boolean decide(String userCode, boolean approve) {
        Entry entry = byUserCode(userCode);
        return entry != null && decide(entry, approve);
    }

    Poll poll(String deviceCode, String clientId) {
        Entry entry = byDeviceCode.get(deviceCode);
        if (entry == null || !entry.clientId.equals(clientId)) {
            return new Poll.Refused(OAuthError.invalidGrant("unknown device_code, or issued to another client"));
        }
        synchronized (entry) {
            Instant now = clock.instant();
            if (entry.decision == Decision.SPENT) {
                return new Poll.Refused(OAuthError.invalidGrant("this device_code was already exchanged for tokens"));
            }
            if (!now.isBefore(entry.expiresAt)) {
                return new Poll.Refused(OAuthError.expiredToken("the device code expired; start the sign-in again"));
            }
            boolean tooSoon = entry.lastPoll != null && now.isBefore(entry.lastPoll.plus(entry.interval));
            entry.lastPoll = now;
            if (tooSoon || slowDownNext) {
                slowDownNext = false;
                entry.interval = entry.interval.plus(Duration.ofSeconds(5));
                return new Poll.Refused(OAuthError.slowDown("polled sooner than the interval; wait "
                        + entry.interval.toSeconds() + " s between polls"));
            }
            switch (entry.decision) {
                case DENIED -> {
                    entry.decision = Decision.SPENT;
                    return new Poll.Refused(OAuthError.accessDenied("the user denied the sign-in on the sandbox page"));
                }
                case APPROVED -> {
                    entry.decision = Decision.SPENT;
                    return new Poll.Approved(entry.grant);
                }
                default -> {
                    return new Poll.Refused(OAuthError.authorizationPending("the user has not answered yet"));
                }
            }
        }
    }

    /** The audience the next ID token is to name instead of the client's, once. */
    Optional<String> takeAudienceOverride() {
        String audience = audienceNext;
        audienceNext = null;
        return Optional.ofNullable(audience);
    }

    private boolean decide(Entry entry, boolean approve) {
        synchronized (entry) {
            Instant now = clock.instant();
            if (entry.decision != Decision.PENDING || !now.isBefore(entry.expiresAt)) {
                return false;
            }
            entry.decision = approve ? Decision.APPROVED : Decision.DENIED;
            if (approve) {
                entry.grant = Grant.approve(entry.clientId, entry.scopes, now);
            }
            return true;
        }
    }

    private Entry byUserCode(String typed) {
        String deviceCode = typed == null ? null : deviceCodeByUserCode.get(normalised(typed));
        return deviceCode == null ? null : byDeviceCode.get(deviceCode);
    }

    /** RFC 8628 section 6.1: ignore case and the dash, which users type or leave out. */
    static String normalised(String typed) {
        String letters = typed.toUpperCase(Locale.ROOT).replaceAll("[^A-Z]", "");
        return letters.length() == 8 ? letters.substring(0, 4) + "-" + letters.substring(4) : letters;
    }

    private String newUserCode() {
        while (true) {
            StringBuilder code = new StringBuilder(9);
            for (int i = 0; i < 8; i++) {
                if (i == 4) {
                    code.append('-');
                }
                code.append(USER_CODE_LETTERS.charAt(RANDOM.nextInt(USER_CODE_LETTERS.length())));
            }
            if (!deviceCodeByUserCode.containsKey(code.toString())) {
                return code.toString();
            }
        }
    }
}
