package dev.fedcred.core.issued;

import dev.fedcred.core.FedcredException;

/** A service handed out credentials fedcred will not write, cache or pass on; the message says why and what to check. */
public class UnusableCredentialsException extends FedcredException {
    UnusableCredentialsException(String message) {
        super(message);
    }
}
