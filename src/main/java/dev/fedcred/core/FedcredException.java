package dev.fedcred.core;

/**
 * A failure the user can act on. The message says what happened and what to do next; it never
 * carries a token, secret or session key, so it is safe to show, log or put in a screenshot.
 */
public class FedcredException extends RuntimeException {
    public FedcredException(String message) {
        super(message);
    }

    public FedcredException(String message, Throwable cause) {
        super(message, cause);
    }
}
