package dev.fedcred.sandbox;

/**
 * An STS error response: the code, message and HTTP status real STS sends for the same mistake,
 * so that a client's SDK maps it to the same exception. Messages never contain tokens or keys.
 */
final class StsError extends Exception {

    private static final long serialVersionUID = 1L;

    static final String RATE_EXCEEDED = "Rate exceeded";

    private final String code;
    private final int httpStatus;

    StsError(String code, String message, int httpStatus) {
        super(message, null, false, false);
        this.code = code;
        this.httpStatus = httpStatus;
    }

    static StsError validation(String message) {
        return new StsError("ValidationError", message, 400);
    }

    static StsError invalidIdentityToken(String message) {
        return new StsError("InvalidIdentityToken", message, 400);
    }

    /** The identity provider's discovery document or keys could not be fetched. */
    static StsError idpCommunication(String message) {
        return new StsError("IDPCommunicationError", message, 400);
    }

    /** AssumeRoleWithWebIdentity's code for an expired web identity token (400, with the Exception suffix). */
    static StsError expiredWebIdentityToken(String message) {
        return new StsError("ExpiredTokenException", message, 400);
    }

    /** AWS never says which part of the trust policy failed. */
    static StsError accessDenied() {
        return new StsError("AccessDenied", "Not authorized to perform sts:AssumeRoleWithWebIdentity", 403);
    }

    static StsError invalidClientTokenId() {
        return new StsError("InvalidClientTokenId", "The security token included in the request is invalid.", 403);
    }

    /** Expired temporary credentials used to sign a request (not an expired web identity token). */
    static StsError expiredCredentials() {
        return new StsError("ExpiredToken", "The security token included in the request is expired", 403);
    }

    static StsError signatureDoesNotMatch(String message) {
        return new StsError("SignatureDoesNotMatch", message, 403);
    }

    static StsError missingAuthenticationToken() {
        return new StsError("MissingAuthenticationToken", "Request is missing Authentication Token", 403);
    }

    static StsError incompleteSignature(String message) {
        return new StsError("IncompleteSignature", message, 400);
    }

    static StsError invalidAction(String message) {
        return new StsError("InvalidAction", message, 400);
    }

    static StsError internalFailure() {
        return new StsError("InternalFailure", "The request processing has failed because of an unknown error, exception or failure.", 500);
    }

    /** An injected fault: the status and message STS uses for the code, or a plain 400. */
    static StsError injected(String code) {
        return switch (code) {
            case "Throttling" -> new StsError(code, RATE_EXCEEDED, 400);
            case "IDPCommunicationError" -> idpCommunication(
                    "The request could not be fulfilled because the identity provider (IDP) that was asked to verify "
                            + "the incoming identity token could not be reached.");
            case "InternalFailure" -> internalFailure();
            case "ServiceUnavailable" -> new StsError(code, "Service is unable to handle request.", 503);
            case "RegionDisabledException" -> new StsError(code,
                    "STS is not activated in this region for account:" + SandboxAws.ACCOUNT_ID, 403);
            default -> new StsError(code, "Fault injected by the fedcred sandbox", 400);
        };
    }

    String code() {
        return code;
    }

    int httpStatus() {
        return httpStatus;
    }

    /** AWS's Type: Receiver for its own failures (5xx), Sender for the caller's. */
    String type() {
        return httpStatus >= 500 ? "Receiver" : "Sender";
    }
}
