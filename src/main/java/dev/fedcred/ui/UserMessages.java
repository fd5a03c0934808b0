package dev.fedcred.ui;

import dev.fedcred.core.FedcredException;
import java.lang.System.Logger.Level;

/** The text a failure shows in the window: what happened and what to do, never a stack trace. */
public final class UserMessages {
    private static final System.Logger LOG = System.getLogger(UserMessages.class.getName());

    private UserMessages() {
    }

    public static String of(Throwable failure) {
        // core promises its messages are safe to show and say what to do next
        if (failure instanceof FedcredException fedcred) {
            return fedcred.getMessage();
        }
        // anything else is a bug: the details go to the log for a report, not into the window
        LOG.log(Level.WARNING, "Unexpected failure in the desktop window", failure);
        return "Something unexpected went wrong (" + failure.getClass().getSimpleName()
                + "). Try again; if it keeps happening, please report it.";
    }
}
