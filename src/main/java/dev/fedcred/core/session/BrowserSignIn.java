package dev.fedcred.core.session;

import dev.fedcred.core.CredentialsException;
import java.util.Optional;

/** Tells the failures that only a new browser sign-in can fix from all others. */
public final class BrowserSignIn {
    private BrowserSignIn() {
    }

    public static boolean isNeededFor(Throwable failure) {
        return failure instanceof SignInRequiredException
                || failure instanceof CredentialsException refused
                        && refused.remedy() == CredentialsException.Remedy.SIGN_IN_AGAIN;
    }

    /**
     * The issuer whose browser sign-in fixes {@code failure}: the one the failure names, else
     * {@code targetIssuer} (the issuer of the target whose credentials failed); empty when a
     * sign-in would not help or the issuer is unknown.
     */
    public static Optional<String> issuerFor(Throwable failure, String targetIssuer) {
        if (failure instanceof SignInRequiredException required) {
            return Optional.of(required.issuerName());
        }
        return isNeededFor(failure) ? Optional.ofNullable(targetIssuer) : Optional.empty();
    }
}
