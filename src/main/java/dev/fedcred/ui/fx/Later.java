package dev.fedcred.ui.fx;

import java.time.Duration;
import javafx.animation.PauseTransition;

/**
 * Runs something once, after a while, on the FX thread: the window's uses an animation pause; a
 * test's runs it when the test says, so nothing waits for the time to pass.
 */
@FunctionalInterface
public interface Later {
    /** Runs {@code action} after {@code delay} on the FX thread; running what this returns cancels it. */
    Runnable after(Duration delay, Runnable action);

    /** The window's: a pause on the FX thread's animation timer. FX thread. */
    static Later onFxThread() {
        return (delay, action) -> {
            PauseTransition pause = new PauseTransition(javafx.util.Duration.millis(delay.toMillis()));
            pause.setOnFinished(event -> action.run());
            pause.play();
            return pause::stop;
        };
    }
}
