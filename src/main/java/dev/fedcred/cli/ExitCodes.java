package dev.fedcred.cli;

import dev.fedcred.core.session.BrowserSignIn;

/** Exit codes scripts can rely on. */
final class ExitCodes {
    static final int OK = 0;
    static final int FAILED = 1;
    /** Not signed in, or the token has expired and a browser sign-in is needed. */
    static final int NOT_SIGNED_IN = 3;

    private ExitCodes() {
    }

    /** A failure that only a browser sign-in can fix gets its own code, so scripts can tell. */
    static int forFailure(Throwable failure) {
        return BrowserSignIn.isNeededFor(failure) ? NOT_SIGNED_IN : FAILED;
    }
}
