package dev.fedcred.core.oidc;

import dev.fedcred.core.FedcredException;

/** The ID token failed verification; it was not accepted and nothing was stored. */
public class IdTokenRejectedException extends FedcredException {

    /** Each way a token can fail, so callers and tests can tell them apart without parsing text. */
    public enum Reason {
        MALFORMED, UNSIGNED, SYMMETRIC_ALGORITHM, ENCRYPTED, UNKNOWN_KEY, BAD_SIGNATURE,
        WRONG_ISSUER, WRONG_AUDIENCE, WRONG_AUTHORIZED_PARTY, EXPIRED, ISSUED_IN_FUTURE,
        MISSING_CLAIM, WRONG_NONCE, WRONG_SUBJECT
    }

    private final Reason reason;

    public IdTokenRejectedException(Reason reason, String message) {
        super("The ID token was rejected: " + message);
        this.reason = reason;
    }

    public IdTokenRejectedException(Reason reason, String message, Throwable cause) {
        super("The ID token was rejected: " + message, cause);
        this.reason = reason;
    }

    public Reason reason() {
        return reason;
    }
}
