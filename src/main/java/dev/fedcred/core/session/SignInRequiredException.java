package dev.fedcred.core.session;

import dev.fedcred.core.FedcredException;

/** Credentials need a fresh ID token, and only a browser sign-in can give one. */
public class SignInRequiredException extends FedcredException {
    private final String issuerName;

    public SignInRequiredException(String issuerName, String reason) {
        super(reason + " Sign in again: `fedcred login --issuer " + issuerName + "` (or Sign in in the app).");
        this.issuerName = issuerName;
    }

    public SignInRequiredException(String issuerName, String reason, Throwable cause) {
        super(reason + " Sign in again: `fedcred login --issuer " + issuerName + "` (or Sign in in the app).", cause);
        this.issuerName = issuerName;
    }

    public String issuerName() {
        return issuerName;
    }
}
