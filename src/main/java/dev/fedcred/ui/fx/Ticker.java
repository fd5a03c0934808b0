package dev.fedcred.ui.fx;

import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.time.temporal.ChronoUnit;
import javafx.beans.property.ReadOnlyObjectProperty;
import javafx.beans.property.ReadOnlyObjectWrapper;

/**
 * "Now" for everything in the window that counts down, read from the context's clock (never
 * System time, so a test can control it) and published once per whole second, just after it
 * begins. It wakes the FX thread once a second through {@link FxTimer}; it was a JavaFX
 * {@code Timeline}, which kept the pulse at 60 a second all day.
 */
public final class Ticker {
    /** Past the whole second, so that the clock read there is surely in the new one. */
    private static final long AFTER_THE_SECOND_MILLIS = 5;

    private final Clock clock;
    private final ReadOnlyObjectWrapper<Instant> now;
    private volatile Runnable cancelNext = () -> { };
    private volatile boolean stopped;

    public Ticker(Clock clock) {
        this.clock = clock;
        this.now = new ReadOnlyObjectWrapper<>(currentSecond());
    }

    public ReadOnlyObjectProperty<Instant> nowProperty() {
        return now.getReadOnlyProperty();
    }

    public Instant now() {
        return now.get();
    }

    public void start() {
        stopped = false;
        cancelNext = FxTimer.after(Duration.ZERO, this::tick);
    }

    public void stop() {
        stopped = true;
        cancelNext.run();
    }

    /** FX thread. */
    private void tick() {
        Instant second = currentSecond();
        if (!second.equals(now.get())) {
            now.set(second);
        }
        if (!stopped) {
            cancelNext = FxTimer.after(untilNextSecond(), this::tick);
        }
    }

    /** A stopped test clock is read again a second later, as a running one. */
    private Duration untilNextSecond() {
        return Duration.ofMillis(1000 - Math.floorMod(clock.millis(), 1000L) + AFTER_THE_SECOND_MILLIS);
    }

    private Instant currentSecond() {
        return clock.instant().truncatedTo(ChronoUnit.SECONDS);
    }
}
