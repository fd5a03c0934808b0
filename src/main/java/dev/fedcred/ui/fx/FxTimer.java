package dev.fedcred.ui.fx;

import java.time.Duration;
import java.util.concurrent.Executors;
import java.util.concurrent.ScheduledExecutorService;
import java.util.concurrent.ScheduledFuture;
import java.util.concurrent.TimeUnit;
import javafx.application.Platform;

/**
 * Runs something on the FX thread after a delay, timed by a thread of its own rather than by a
 * JavaFX animation. A running animation (a {@code Timeline}, a {@code PauseTransition}) keeps
 * JavaFX's pulse at 60 a second until it ends, each pulse a CSS and a layout pass over the window
 * even when nothing changed: the countdowns' once-a-second tick kept it running all day, and each
 * corner notice for five seconds (issue #15: CPU, and code run often enough to be compiled). This
 * wakes the FX thread once, when the time comes.
 */
final class FxTimer {
    private static final ScheduledExecutorService THREAD = Executors.newSingleThreadScheduledExecutor(work -> {
        Thread daemon = new Thread(work, "fedcred-fx-timer");
        daemon.setDaemon(true);
        return daemon;
    });

    private FxTimer() {
    }

    /**
     * Runs {@code action} on the FX thread after {@code delay}; running what this returns on the
     * FX thread cancels it, even when its time has come and it waits for the FX thread.
     */
    static Runnable after(Duration delay, Runnable action) {
        Cancellable pending = new Cancellable(action);
        ScheduledFuture<?> timed = THREAD.schedule(() -> Platform.runLater(pending), Math.max(0, delay.toMillis()),
                TimeUnit.MILLISECONDS);
        return () -> {
            pending.cancelled = true;
            timed.cancel(false);
        };
    }

    private static final class Cancellable implements Runnable {
        private final Runnable action;
        private volatile boolean cancelled;

        Cancellable(Runnable action) {
            this.action = action;
        }

        @Override
        public void run() {
            if (!cancelled) {
                action.run();
            }
        }
    }
}
