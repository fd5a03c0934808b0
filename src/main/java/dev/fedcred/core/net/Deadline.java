package dev.fedcred.core.net;

import java.time.Duration;

/**
 * How long one remote call (with its retries) may take in all. fedcred runs as the AWS CLI's
 * credential_process and in a window a person is looking at: a server that does not answer must
 * fail the call within seconds, not after minutes of retries.
 */
public final class Deadline {
    /** The whole of one STS, Google or issuer call, retries included. */
    public static final Duration INTERACTIVE = Duration.ofSeconds(12);
    /** Establishing a connection: a loopback or nearby server answers in milliseconds. */
    public static final Duration CONNECT = Duration.ofSeconds(3);

    private final Duration length;
    private final long endNanos;

    private Deadline(Duration length) {
        this.length = length;
        this.endNanos = System.nanoTime() + length.toNanos();
    }

    /** A deadline {@code length} from now. */
    public static Deadline in(Duration length) {
        return new Deadline(length);
    }

    public boolean passed() {
        return System.nanoTime() - endNanos >= 0;
    }

    /** What is left, at least one millisecond (0 means "no timeout" to most socket APIs). */
    public int remainingMillis() {
        long left = (endNanos - System.nanoTime()) / 1_000_000;
        return (int) Math.max(1, Math.min(Integer.MAX_VALUE, left));
    }

    /** The connect timeout for a call whose whole deadline is {@code whole}. */
    public static Duration connectTimeout(Duration whole) {
        return whole.compareTo(CONNECT) < 0 ? whole : CONNECT;
    }

    /** "12 s", for messages. */
    public static String shown(Duration whole) {
        return whole.toSeconds() + " s";
    }

    public Duration length() {
        return length;
    }
}
