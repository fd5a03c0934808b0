package dev.fedcred.core.secrets;

import dev.fedcred.core.FedcredException;

/** The OS keychain did not answer: none installed, none running, locked, or too slow. */
public class KeychainUnavailableException extends FedcredException {
    public KeychainUnavailableException(String message) {
        super(message);
    }

    public KeychainUnavailableException(String message, Throwable cause) {
        super(message, cause);
    }
}
