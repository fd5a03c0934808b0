package dev.fedcred.sandbox;

/**
 * Why {@link IssuerSignedJwts} refused a token. Carries a reason rather than a message: AWS STS
 * and Google STS word the same failure differently, and each emulator must answer as its service
 * does, so each maps the reason to its own error.
 */
final class JwtRejection extends Exception {

    private static final long serialVersionUID = 1L;

    enum Reason {
        /** Not three (or five) base64url parts with JSON inside. */
        NOT_A_JWT,
        /** A plain (alg none) or encrypted JWT: neither proves who issued it. */
        NOT_SIGNED,
        /** HMAC or another algorithm no OIDC provider signs ID tokens with. */
        UNSUPPORTED_ALGORITHM,
        CLAIMS_NOT_JSON,
        /** Discovery or JWKS could not be fetched, was not loopback, or did not name the issuer. */
        ISSUER_UNREACHABLE,
        /** The issuer publishes no key that fits the token's header, even after a refetch. */
        NO_MATCHING_KEY,
        BAD_SIGNATURE
    }

    private final Reason reason;

    JwtRejection(Reason reason, String detail) {
        // No stack trace: this is an expected answer to a bad request, not a bug.
        super(detail, null, false, false);
        this.reason = reason;
    }

    Reason reason() {
        return reason;
    }
}
