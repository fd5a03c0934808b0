package dev.fedcred.cli;

/** Exit codes scripts can rely on. */
final class ExitCodes {
    static final int OK = 0;
    static final int FAILED = 1;
    /** Nothing to show: not signed in, or the token has expired. */
    static final int NOT_SIGNED_IN = 3;

    private ExitCodes() {
    }
}
