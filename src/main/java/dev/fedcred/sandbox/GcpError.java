package dev.fedcred.sandbox;

import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/**
 * An error the GCP emulator answers with, in one of Google's two shapes: STS speaks OAuth
 * ({@code {"error": "invalid_grant", "error_description": "..."}}, RFC 6749/8693), while IAM
 * Credentials and other Google APIs send a {@code google.rpc.Status}
 * ({@code {"error": {"code": 403, "message": "...", "status": "PERMISSION_DENIED"}}}). Client
 * libraries parse each shape differently, so each endpoint must use its service's one. Messages
 * never contain tokens.
 */
final class GcpError extends Exception {

    private static final long serialVersionUID = 1L;

    /** Google's wording when a request carries no credential at all. */
    static final String MISSING_CREDENTIAL = "Request is missing required authentication credential. Expected OAuth 2 "
            + "access token, login cookie or other valid authentication credential. "
            + "See https://developers.google.com/identity/sign-in/web/devconsole-project.";
    /** ... and when it carries one Google does not accept (unknown, expired or revoked). */
    static final String INVALID_CREDENTIAL = "Request had invalid authentication credentials. Expected OAuth 2 "
            + "access token, login cookie or other valid authentication credential. "
            + "See https://developers.google.com/identity/sign-in/web/devconsole-project.";

    private final int httpStatus;
    private final transient Map<String, Object> body;

    private GcpError(int httpStatus, String message, Map<String, Object> body) {
        super(message, null, false, false);
        this.httpStatus = httpStatus;
        this.body = body;
    }

    /** An OAuth-style STS error; STS answers all of them with HTTP 400. */
    static GcpError oauth(String error, String description) {
        return new GcpError(400, description, HttpExchanges.error(error, description));
    }

    /** A {@code google.rpc.Status} error with {@code details}. */
    static GcpError rpc(int code, String status, String message, List<Map<String, Object>> details) {
        Map<String, Object> inner = new LinkedHashMap<>();
        inner.put("code", code);
        inner.put("message", message);
        inner.put("status", status);
        if (!details.isEmpty()) {
            inner.put("details", details);
        }
        return new GcpError(code, message, Map.of("error", inner));
    }

    /** No Authorization header (or not a Bearer one). */
    static GcpError credentialsMissing() {
        Map<String, Object> info = new LinkedHashMap<>();
        info.put("@type", "type.googleapis.com/google.rpc.ErrorInfo");
        info.put("reason", "CREDENTIALS_MISSING");
        info.put("domain", "googleapis.com");
        return rpc(401, "UNAUTHENTICATED", MISSING_CREDENTIAL, List.of(info));
    }

    /** A bearer token this emulator did not issue, or one that has expired: Google does not say which. */
    static GcpError invalidCredentials() {
        return rpc(401, "UNAUTHENTICATED", INVALID_CREDENTIAL, List.of());
    }

    static GcpError invalidArgument(String message) {
        return rpc(400, "INVALID_ARGUMENT", message, List.of());
    }

    /**
     * IAM's answer both when the account does not exist and when the caller lacks the permission:
     * Google does not tell an unauthorised caller which accounts exist.
     */
    static GcpError permissionDenied(String permission) {
        Map<String, Object> metadata = new LinkedHashMap<>();
        metadata.put("permission", permission);
        Map<String, Object> info = new LinkedHashMap<>();
        info.put("@type", "type.googleapis.com/google.rpc.ErrorInfo");
        info.put("reason", "IAM_PERMISSION_DENIED");
        info.put("domain", "iam.googleapis.com");
        info.put("metadata", metadata);
        return rpc(403, "PERMISSION_DENIED",
                "Permission '" + permission + "' denied on resource (or it may not exist).", List.of(info));
    }

    static GcpError notFound(String message) {
        return rpc(404, "NOT_FOUND", message, List.of());
    }

    int httpStatus() {
        return httpStatus;
    }

    Map<String, Object> body() {
        return body;
    }
}
