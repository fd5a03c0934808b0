package dev.fedcred.core;

import dev.fedcred.core.text.OutsideText;

/** Describing the innermost cause of a failure for a message, e.g. "ConnectException: Connection refused". */
public final class Failures {
    private Failures() {
    }

    public static String rootCause(Throwable e) {
        Throwable root = e;
        while (root.getCause() != null && root.getCause() != root) {
            root = root.getCause();
        }
        String message = root.getMessage();
        // the innermost message is often a server's or a library's quote of a reply
        return root.getClass().getSimpleName() + (message == null ? "" : ": " + OutsideText.shown(message));
    }
}
