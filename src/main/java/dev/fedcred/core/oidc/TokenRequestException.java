package dev.fedcred.core.oidc;

import dev.fedcred.core.FedcredException;

/** The token endpoint refused the code or refresh token. */
public class TokenRequestException extends FedcredException {
    public TokenRequestException(String message) {
        super(message);
    }

    public TokenRequestException(String message, Throwable cause) {
        super(message, cause);
    }
}
