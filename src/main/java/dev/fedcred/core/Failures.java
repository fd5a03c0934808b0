package dev.fedcred.core;

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
        return root.getClass().getSimpleName() + (message == null ? "" : ": " + message);
    }
}
