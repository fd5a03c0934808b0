package dev.fedcred.core.oidc;

import dev.fedcred.core.FedcredException;

/** A discovery document named a plain-http endpoint for an issuer that must be reached over https. */
public class InsecureEndpointException extends FedcredException {
    public InsecureEndpointException(String message) {
        super(message);
    }
}
