package dev.fedcred.core.oidc;

import dev.fedcred.core.FedcredException;

/** Discovery, JWKS or the token endpoint could not be reached or answered nonsense. */
public class IssuerUnreachableException extends FedcredException {
    public IssuerUnreachableException(String message) {
        super(message);
    }

    public IssuerUnreachableException(String message, Throwable cause) {
        super(message, cause);
    }
}
