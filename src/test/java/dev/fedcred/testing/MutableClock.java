package dev.fedcred.testing;

import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.time.ZoneId;
import java.time.ZoneOffset;

/**
 * A wall clock a test can move forward, as time passing or a laptop waking from sleep would.
 * {@link #stoppedAt} gives one that stands still between moves, for exact countdown texts.
 */
public final class MutableClock extends Clock {
    /** Null: the real time goes on underneath. */
    private final Instant stoppedAt;
    private volatile Duration offset = Duration.ZERO;

    public MutableClock() {
        this(null);
    }

    private MutableClock(Instant stoppedAt) {
        this.stoppedAt = stoppedAt;
    }

    /** A clock that shows {@code instant} until a test moves it. */
    public static MutableClock stoppedAt(Instant instant) {
        return new MutableClock(instant);
    }

    public void advance(Duration by) {
        offset = offset.plus(by);
    }

    @Override
    public Instant instant() {
        return (stoppedAt == null ? Instant.now() : stoppedAt).plus(offset);
    }

    @Override
    public ZoneId getZone() {
        return ZoneOffset.UTC;
    }

    @Override
    public Clock withZone(ZoneId zone) {
        return this;
    }
}
