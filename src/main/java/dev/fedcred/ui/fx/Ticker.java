package dev.fedcred.ui.fx;

import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.time.temporal.ChronoUnit;
import java.util.Queue;
import java.util.concurrent.ConcurrentLinkedQueue;
import javafx.beans.property.ReadOnlyObjectProperty;
import javafx.beans.property.ReadOnlyObjectWrapper;

/**
 * "Now" for everything in the window that counts down, read from the context's clock (never
 * System time, so a test can control it) and published once per whole second, just after it
 * begins. It wakes the FX thread once a second through {@link FxTimer}; it was a JavaFX
 * {@code Timeline}, which kept the pulse at 60 a second all day.
 *
 * <p>What happens in the background can wait for the next second too ({@link #atNextSecond}), so
 * that it shows in the frame the countdowns take anyway (why frames cost memory: DesktopState).
 */
public final class Ticker {
    /** Past the whole second, so that the clock read there is surely in the new one. */
    private static final long AFTER_THE_SECOND_MILLIS = 5;

    private final Clock clock;
    private final ReadOnlyObjectWrapper<Instant> now;
    private final Queue<Runnable> atNextSecond = new ConcurrentLinkedQueue<>();
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

    /**
     * Runs {@code action} on the FX thread at the next tick, before the countdowns move (within a
     * second; a stopped test clock ticks too). Any thread; nothing runs after {@link #stop}.
     */
    public void atNextSecond(Runnable action) {
        atNextSecond.add(action);
    }

    /** FX thread. */
    private void tick() {
        try {
            for (Runnable action = atNextSecond.poll(); action != null; action = atNextSecond.poll()) {
                action.run();
            }
            Instant second = currentSecond();
            if (!second.equals(now.get())) {
                now.set(second);
            }
        } finally {
            if (!stopped) {
                cancelNext = FxTimer.after(untilNextSecond(), this::tick);
            }
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
