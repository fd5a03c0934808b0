package dev.fedcred.ui.fx;

import java.util.concurrent.Callable;
import java.util.concurrent.Executor;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.atomic.AtomicInteger;
import java.util.function.Consumer;
import javafx.concurrent.Task;

/**
 * Where the window's file and network work runs, so the FX thread never waits. Daemon threads:
 * a sign-in still waiting for the browser must not keep the JVM alive after the window closes.
 */
public final class BackgroundWork implements Executor, AutoCloseable {
    private final AtomicInteger threadCount = new AtomicInteger();
    private final ExecutorService executor = Executors.newCachedThreadPool(work -> {
        Thread thread = new Thread(work, "fedcred-ui-" + threadCount.incrementAndGet());
        thread.setDaemon(true);
        return thread;
    });

    /** Runs {@code work} in the background, for a caller that hands its outcome to the FX thread itself. */
    @Override
    public void execute(Runnable work) {
        executor.execute(work);
    }

    public <T> Task<T> run(Task<T> task) {
        executor.execute(task);
        return task;
    }

    /** Runs {@code work} in the background; the callbacks run on the FX thread. */
    public <T> Task<T> run(Callable<T> work, Consumer<T> onSuccess, Consumer<Throwable> onFailure) {
        Task<T> task = new Task<>() {
            @Override
            protected T call() throws Exception {
                return work.call();
            }
        };
        task.setOnSucceeded(event -> onSuccess.accept(task.getValue()));
        task.setOnFailed(event -> onFailure.accept(task.getException()));
        return run(task);
    }

    @Override
    public void close() {
        executor.shutdownNow();
    }
}
