package dev.fedcred.core.gcp;

import dev.fedcred.core.FedcredException;

/**
 * What a Google library asked the executable source for does not match the target it runs for:
 * another audience or a token type fedcred cannot give. {@link #code()} is the executable
 * response's error code.
 */
public final class ExecutableRequestException extends FedcredException {
    private final String code;

    public ExecutableRequestException(String code, String message) {
        super(message);
        this.code = code;
    }

    public String code() {
        return code;
    }
}
