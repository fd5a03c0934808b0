package dev.fedcred.sandbox;

/**
 * An OAuth 2.0 error response (RFC 6749 sections 4.1.2.1 and 5.2): a registered {@code error}
 * code, a human-readable {@code error_description}, and the HTTP status the token endpoint uses.
 * Descriptions never contain token or code values.
 */
final class OAuthError extends Exception {

    private static final long serialVersionUID = 1L;

    private final String error;
    private final int httpStatus;

    private OAuthError(String error, String description, int httpStatus) {
        super(description, null, false, false);
        this.error = error;
        this.httpStatus = httpStatus;
    }

    static OAuthError invalidRequest(String description) {
        return new OAuthError("invalid_request", description, 400);
    }

    static OAuthError invalidGrant(String description) {
        return new OAuthError("invalid_grant", description, 400);
    }

    /** 401, as RFC 6749 section 5.2 asks for a failed client authentication. */
    static OAuthError invalidClient(String description) {
        return new OAuthError("invalid_client", description, 401);
    }

    static OAuthError invalidScope(String description) {
        return new OAuthError("invalid_scope", description, 400);
    }

    static OAuthError unsupportedGrantType(String description) {
        return new OAuthError("unsupported_grant_type", description, 400);
    }

    static OAuthError unsupportedResponseType(String description) {
        return new OAuthError("unsupported_response_type", description, 400);
    }

    /** OIDC Core 3.1.2.6: prompt=none, but the user would have to interact. */
    static OAuthError loginRequired(String description) {
        return new OAuthError("login_required", description, 400);
    }

    static OAuthError accessDenied(String description) {
        return new OAuthError("access_denied", description, 400);
    }

    /** RFC 8628 section 3.5: the device grant's "not yet", "poll slower" and "too late". */
    static OAuthError authorizationPending(String description) {
        return new OAuthError("authorization_pending", description, 400);
    }

    static OAuthError slowDown(String description) {
        return new OAuthError("slow_down", description, 400);
    }

    static OAuthError expiredToken(String description) {
        return new OAuthError("expired_token", description, 400);
    }

    String error() {
        return error;
    }

    String description() {
        return getMessage();
    }

    int httpStatus() {
        return httpStatus;
    }
}
