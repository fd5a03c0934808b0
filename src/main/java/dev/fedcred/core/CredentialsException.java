package dev.fedcred.core;

/**
 * A cloud refused to give credentials, or could not be asked: AWS STS, Google STS, IAM
 * Credentials, or whatever a future kind of target calls. One type for every kind, so the CLI,
 * the window and the tray treat a refusal the same way whatever the cloud; the message says
 * what happened and what to change, and the remedy says which kind of step that is.
 */
public class CredentialsException extends FedcredException {

    /** What the user can do about it; the app offers a sign-in for {@link #SIGN_IN_AGAIN}. */
    public enum Remedy {
        /** The ID token is no longer accepted: a new browser sign-in fixes it. */
        SIGN_IN_AGAIN,
        /** The cloud does not trust this token as it is set up: a trust policy, a provider, an audience. */
        FIX_CLOUD_SETUP,
        /** The identity is trusted but may not do this: a binding or permission is missing. */
        GRANT_ACCESS,
        /** The target names something that is not there or not valid: fix the target. */
        FIX_TARGET,
        /** The cloud is busy or failed: try again later. */
        TRY_LATER,
        /** The cloud could not be reached in time. */
        CHECK_NETWORK,
        /** Something answered, but not as the cloud does (a proxy, a captive portal, a wrong endpoint). */
        CHECK_ENDPOINT
    }

    private final Remedy remedy;
    private final String errorCode;

    public CredentialsException(Remedy remedy, String errorCode, String message, Throwable cause) {
        super(message, cause);
        this.remedy = remedy;
        this.errorCode = errorCode;
    }

    public Remedy remedy() {
        return remedy;
    }

    /**
     * The cloud's own error code (STS's InvalidIdentityToken, OAuth's invalid_grant, IAM's
     * PERMISSION_DENIED); null for network failures and checks made before calling.
     */
    public String errorCode() {
        return errorCode;
    }
}
