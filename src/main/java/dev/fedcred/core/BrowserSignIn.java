package dev.fedcred.core;

import dev.fedcred.core.aws.AwsStsException;
import dev.fedcred.core.gcp.GcpExchangeException;
import dev.fedcred.core.session.SignInRequiredException;

/** Tells the failures that only a new browser sign-in can fix from all others. */
public final class BrowserSignIn {
    private BrowserSignIn() {
    }

    public static boolean isNeededFor(Throwable failure) {
        return failure instanceof SignInRequiredException
                || failure instanceof AwsStsException sts && sts.remedy() == AwsStsException.Remedy.SIGN_IN_AGAIN
                || failure instanceof GcpExchangeException gcp && gcp.remedy() == GcpExchangeException.Remedy.SIGN_IN_AGAIN;
    }
}
