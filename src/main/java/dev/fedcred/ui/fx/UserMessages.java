package dev.fedcred.ui.fx;

import dev.fedcred.core.FedcredException;
import dev.fedcred.core.text.OutsideText;
import java.lang.System.Logger.Level;

/** The text a failure shows in the window: what happened and what to do, never a stack trace. */
public final class UserMessages {
    private static final System.Logger LOG = System.getLogger(UserMessages.class.getName());

    private UserMessages() {
    }

    public static String of(Throwable failure) {
        // core's messages say what to do next; what they quote of a provider or a file is escaped
        // where they are built, and again here, where every message reaches the window
        if (failure instanceof FedcredException fedcred) {
            return OutsideText.neutraliseKeepingLineBreaks(fedcred.getMessage());
        }
        // anything else is a bug: the details go to the log for a report, not into the window
        LOG.log(Level.WARNING, "Unexpected failure in the desktop window", failure);
        return "Something unexpected went wrong (" + failure.getClass().getSimpleName()
                + "). Try again; if it keeps happening, please report it.";
    }
}
