package dev.fedcred.ui.fx;

import java.util.concurrent.Callable;
import java.util.concurrent.Executor;
import java.util.function.Consumer;

/**
 * Where a view model's core calls run and where their outcome lands: the work on
 * {@code background}, the outcome on {@code foreground} (the FX thread in the window). A test
 * passes {@code Runnable::run} to both and sees every step at once, or holds the background work
 * to look at the model while it runs.
 */
public record ModelWork(Executor background, Executor foreground) {

    /** The window's: background threads, outcomes on the FX thread. */
    public static ModelWork onFxThread(Executor background) {
        return new ModelWork(background, javafx.application.Platform::runLater);
    }

    /** Runs {@code work} in the background; exactly one of the callbacks runs on the foreground. */
    public <T> void run(Callable<T> work, Consumer<T> onSuccess, Consumer<Throwable> onFailure) {
        background.execute(() -> {
            try {
                T result = work.call();
                foreground.execute(() -> onSuccess.accept(result));
            } catch (Exception failure) {
                foreground.execute(() -> onFailure.accept(failure));
            }
        });
    }

    /** Runs {@code step} on the foreground, for what background work reports as it goes. */
    public void report(Runnable step) {
        foreground.execute(step);
    }
}
