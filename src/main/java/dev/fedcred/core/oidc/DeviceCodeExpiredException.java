package dev.fedcred.core.oidc;

/** The device code expired before anyone approved the sign-in on the issuer's page. */
public class DeviceCodeExpiredException extends SignInTimeoutException {
    public DeviceCodeExpiredException(String message) {
        super(message);
    }
}
