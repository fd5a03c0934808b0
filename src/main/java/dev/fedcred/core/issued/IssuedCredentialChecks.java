package dev.fedcred.core.issued;

import java.time.Duration;
import java.time.Instant;

/**
 * The checks every credential handed out by AWS STS or Google must pass before fedcred writes,
 * caches or prints it: present, of a sane size, and with time left. A credential that is already
 * expired would make every tool fail later with a confusing error; one of megabytes would bloat
 * the AWS files and every credential_process answer. Both point at a wrong clock, a wrong
 * endpoint or something in between, which the messages say.
 */
public final class IssuedCredentialChecks {
    /** Less than this left is as good as expired: the caller could not even use it once. */
    public static final Duration MIN_LIFETIME = Duration.ofMinutes(1);
    /** Access key IDs are 16 to 128 characters (IAM's AccessKeyId constraint). */
    public static final int MAX_KEY_ID_CHARS = 128;
    /** Secret keys are 40 characters; ten times that and more is not a key. */
    public static final int MAX_SECRET_CHARS = 1024;
    /** Session tokens and OAuth access tokens run to a few kilobytes at most. */
    public static final int MAX_TOKEN_CHARS = 64 * 1024;

    private IssuedCredentialChecks() {
    }

    /**
     * @param source who handed it out, e.g. "AWS STS at https://sts.eu-west-1.amazonaws.com"
     * @param field  the credential's name in that service's reply, e.g. "SessionToken"
     */
    public static void requireValue(String source, String field, String value, int maxChars) {
        if (value == null || value.isBlank()) {
            throw new UnusableCredentialsException(source + " answered without a " + field + "; fedcred wrote nothing."
                    + " That is not what the service sends: check the endpoint and any proxy in between, then try again.");
        }
        if (value.length() > maxChars) {
            throw new UnusableCredentialsException(source + " handed out a " + field + " of " + value.length()
                    + " characters, far more than a real one (at most " + maxChars + "); fedcred wrote and cached"
                    + " nothing. Check the endpoint and any proxy in between, then try again.");
        }
    }

    /** Refuses an expiry that is missing, past, or less than {@link #MIN_LIFETIME} away. */
    public static void requireLifetime(String source, Instant expiration, Instant now) {
        if (expiration == null) {
            throw new UnusableCredentialsException(source + " answered without saying when the credentials expire;"
                    + " fedcred wrote nothing. Check the endpoint and any proxy in between, then try again.");
        }
        if (expiration.isBefore(now.plus(MIN_LIFETIME))) {
            String when = expiration.isAfter(now) ? "expire at " + expiration + ", less than a minute from now ("
                    + now + ")" : "expired at " + expiration + ", before now (" + now + ")";
            throw new UnusableCredentialsException(source + " handed out credentials that " + when
                    + "; fedcred wrote and cached nothing. Check this computer's clock and time zone (e.g."
                    + " `timedatectl`), and that the endpoint is the real service, then try again.");
        }
    }
}
