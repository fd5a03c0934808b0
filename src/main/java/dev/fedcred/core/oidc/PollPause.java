package dev.fedcred.core.oidc;

import java.time.Duration;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.TimeUnit;

/**
 * How the device sign-in waits between two polls of the token endpoint. The real one sleeps and
 * wakes early when the sign-in is cancelled; a test can move a clock instead of sleeping.
 */
@FunctionalInterface
public interface PollPause {
    PollPause SLEEP = (duration, cancelled) -> cancelled.await(duration.toNanos(), TimeUnit.NANOSECONDS);

    /** Waits {@code duration}, or less if {@code cancelled} opens; true when it was cancelled. */
    boolean await(Duration duration, CountDownLatch cancelled) throws InterruptedException;
}
