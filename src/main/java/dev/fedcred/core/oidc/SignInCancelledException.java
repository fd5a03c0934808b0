package dev.fedcred.core.oidc;

import dev.fedcred.core.FedcredException;

/** The user cancelled the sign-in; the loopback receiver is closed. */
public class SignInCancelledException extends FedcredException {
    public SignInCancelledException(String message) {
        super(message);
    }

    public SignInCancelledException(String message, Throwable cause) {
        super(message, cause);
    }
}
