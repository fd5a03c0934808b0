package dev.fedcred.ui.fx;

import java.util.ArrayList;
import java.util.List;

/** Who a view model tells after each change of what it shows: its view, and tests. One thread. */
public final class ChangeListeners {
    private final List<Runnable> listeners = new ArrayList<>();

    public void add(Runnable listener) {
        listeners.add(listener);
    }

    public void clear() {
        listeners.clear();
    }

    /** Tells every listener; one that adds or removes a listener meanwhile does not disturb the round. */
    public void changed() {
        List.copyOf(listeners).forEach(Runnable::run);
    }
}
