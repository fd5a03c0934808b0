package dev.fedcred.core.gcp;

import dev.fedcred.core.FedcredException;

/**
 * Google STS or IAM Credentials refused, or could not be reached; the message says what to change.
 * Shaped like AwsStsException (a generic base is not possible: Java forbids generic Throwables).
 */
public class GcpExchangeException extends FedcredException {

    /**
     * What the user can do about it; the app offers a sign-in for {@link #SIGN_IN_AGAIN}.
     * {@link #CHECK_ENDPOINT}: something answered, but not as Google does (a proxy's page, a wrong URL).
     */
    public enum Remedy { SIGN_IN_AGAIN, FIX_PROVIDER, GRANT_ACCESS, FIX_TARGET, TRY_LATER, CHECK_NETWORK, CHECK_ENDPOINT }

    private final Remedy remedy;
    private final String errorCode;

    public GcpExchangeException(Remedy remedy, String errorCode, String message, Throwable cause) {
        super(message, cause);
        this.remedy = remedy;
        this.errorCode = errorCode;
    }

    public Remedy remedy() {
        return remedy;
    }

    /**
     * An OAuth error from STS (invalid_grant) or an API status from IAM Credentials
     * (PERMISSION_DENIED); null for network failures and checks made before calling.
     */
    public String errorCode() {
        return errorCode;
    }
}
