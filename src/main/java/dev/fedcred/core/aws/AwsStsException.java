package dev.fedcred.core.aws;

import dev.fedcred.core.FedcredException;

/** AWS STS refused or could not answer; the message says what to change or when to try again. */
public class AwsStsException extends FedcredException {

    /**
     * What the user can do about it; the app offers a sign-in for {@link #SIGN_IN_AGAIN}.
     * {@link #CHECK_ENDPOINT}: something answered, but not as STS does (a proxy's page, a wrong URL).
     */
    public enum Remedy { SIGN_IN_AGAIN, FIX_TRUST_POLICY, FIX_TARGET, TRY_LATER, CHECK_NETWORK, CHECK_ENDPOINT }

    private final Remedy remedy;
    private final String errorCode;

    public AwsStsException(Remedy remedy, String errorCode, String message, Throwable cause) {
        super(message, cause);
        this.remedy = remedy;
        this.errorCode = errorCode;
    }

    public Remedy remedy() {
        return remedy;
    }

    /** STS's error code, e.g. InvalidIdentityToken; null for network failures. */
    public String errorCode() {
        return errorCode;
    }
}
