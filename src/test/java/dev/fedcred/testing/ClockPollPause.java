package dev.fedcred.testing;

import dev.fedcred.core.oidc.PollPause;
import java.time.Duration;
import java.util.List;
import java.util.concurrent.CopyOnWriteArrayList;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.Semaphore;
import java.util.concurrent.TimeUnit;

/**
 * The device sign-in's wait between polls, for tests: instead of sleeping it moves a clock that the
 * sandbox shares, so the sandbox's "polled too soon" and "expired" and the window's countdown all
 * see the time the client waited, and nothing depends on how fast the machine is.
 *
 * <p>{@link #free} waits return at once. {@link #held} waits stand until the test lets one go
 * ({@link #letOneGo()}: the clock moves by the wait, then the poll follows) or the sign-in is
 * cancelled, so a test can play the user between two polls and cancel in the middle of a wait.
 */
public final class ClockPollPause implements PollPause {
    private final MutableClock clock;
    private final boolean held;
    private final List<Duration> waits = new CopyOnWriteArrayList<>();
    private final Semaphore letGo = new Semaphore(0);
    private volatile int cancelledWaits;

    private ClockPollPause(MutableClock clock, boolean held) {
        this.clock = clock;
        this.held = held;
    }

    public static ClockPollPause free(MutableClock clock) {
        return new ClockPollPause(clock, false);
    }

    public static ClockPollPause held(MutableClock clock) {
        return new ClockPollPause(clock, true);
    }

    @Override
    public boolean await(Duration duration, CountDownLatch cancelled) throws InterruptedException {
        waits.add(duration);
        while (held && !letGo.tryAcquire()) {
            // wake for whichever comes first: the test letting this wait go, or the sign-in's cancel
            if (cancelled.await(10, TimeUnit.MILLISECONDS)) {
                cancelledWaits++;
                return true;
            }
        }
        if (cancelled.getCount() == 0) {
            cancelledWaits++;
            return true;
        }
        clock.advance(duration);
        return false;
    }

    /** Ends the oldest wait (or the next one, if none is standing yet): the clock moves by it and the poll follows. */
    public void letOneGo() {
        letGo.release();
    }

    /** Every wait asked for so far, in order, including the one standing now. */
    public List<Duration> waits() {
        return List.copyOf(waits);
    }

    /** How many waits ended because the sign-in was cancelled. */
    public int cancelledWaits() {
        return cancelledWaits;
    }
}
