package dev.fedcred.ui.fx;

import java.time.Duration;

/**
 * Runs something once, after a while, on the FX thread: the window's is timed by {@link FxTimer};
 * a test's runs it when the test says, so nothing waits for the time to pass.
 */
@FunctionalInterface
public interface Later {
    /** Runs {@code action} after {@code delay} on the FX thread; running what this returns cancels it. */
    Runnable after(Duration delay, Runnable action);

    /** The window's. Its cancel is exact on the FX thread. */
    static Later onFxThread() {
        return FxTimer::after;
    }
}
