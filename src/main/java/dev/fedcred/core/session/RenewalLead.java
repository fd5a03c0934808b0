package dev.fedcred.core.session;

import java.time.Duration;

/**
 * How long before an ID token expires fedcred counts it due for renewal: the fixed lead (5 minutes)
 * for tokens that live an hour, as Google's do, and a quarter of the lifetime for shorter ones. A
 * fixed 5 minutes would make a 2-minute token (the sandbox's {@code --token-lifetime 120}) due from
 * the moment it is issued, renewed on every check and handed out with no time to use it.
 */
public final class RenewalLead {
    /** The lead for tokens that live an hour: what {@code CredentialRenewer} is given by default. */
    public static final Duration DEFAULT = Duration.ofMinutes(5);

    private RenewalLead() {
    }

    /** The smaller of {@code fixed} and a quarter of {@code lifetime}. */
    public static Duration of(Duration fixed, Duration lifetime) {
        Duration quarter = lifetime.dividedBy(4);
        return quarter.compareTo(fixed) < 0 ? quarter : fixed;
    }
}
