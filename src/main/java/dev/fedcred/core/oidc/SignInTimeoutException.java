package dev.fedcred.core.oidc;

import dev.fedcred.core.FedcredException;

/** No browser came back to the loopback receiver in time; the receiver is closed. */
public class SignInTimeoutException extends FedcredException {
    public SignInTimeoutException(String message) {
        super(message);
    }

    public SignInTimeoutException(String message, Throwable cause) {
        super(message, cause);
    }
}
