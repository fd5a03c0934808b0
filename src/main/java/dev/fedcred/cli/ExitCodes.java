package dev.fedcred.cli;

import dev.fedcred.core.aws.AwsStsException;
import dev.fedcred.core.gcp.GcpExchangeException;
import dev.fedcred.core.session.SignInRequiredException;

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
        boolean needsSignIn = failure instanceof SignInRequiredException
                || failure instanceof AwsStsException sts && sts.remedy() == AwsStsException.Remedy.SIGN_IN_AGAIN
                || failure instanceof GcpExchangeException gcp && gcp.remedy() == GcpExchangeException.Remedy.SIGN_IN_AGAIN;
        return needsSignIn ? NOT_SIGNED_IN : FAILED;
    }
}
