package dev.fedcred.core.oidc;

import dev.fedcred.core.FedcredException;

/** A request reached the loopback receiver that cannot complete this sign-in: wrong state, no code. */
public class CallbackRejectedException extends FedcredException {
    public CallbackRejectedException(String message) {
        super(message);
    }

    public CallbackRejectedException(String message, Throwable cause) {
        super(message, cause);
    }
}
