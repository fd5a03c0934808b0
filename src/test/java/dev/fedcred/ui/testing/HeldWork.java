package dev.fedcred.ui.testing;

import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.Executor;

/** Background work a test runs when it chooses, to look at a view model while the work waits. */
public final class HeldWork implements Executor {
    private final List<Runnable> held = new ArrayList<>();

    @Override
    public void execute(Runnable work) {
        held.add(work);
    }

    /** How many pieces of work wait. */
    public int size() {
        return held.size();
    }

    /** Runs what waits now (not what that work hands on). */
    public void runAll() {
        List<Runnable> now = List.copyOf(held);
        held.clear();
        now.forEach(Runnable::run);
    }
}
