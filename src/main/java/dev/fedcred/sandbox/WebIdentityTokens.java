package dev.fedcred.sandbox;

import com.nimbusds.jwt.JWTClaimsSet;
import com.nimbusds.jwt.SignedJWT;
import java.time.Clock;
import java.time.Instant;
import java.util.List;
import java.util.Map;

/**
 * Checks a web identity token the way STS does for an IAM OIDC provider: a signed JWT from a
 * registered issuer, signed with one of that issuer's published RSA or EC keys, unexpired, and
 * for one of the provider's client IDs. The trust policy of the role is checked afterwards, by
 * the caller. The signature check is shared with the GCP emulator ({@link IssuerSignedJwts});
 * the order of checks and the wording here are AWS's.
 */
final class WebIdentityTokens {

    /**
     * What STS learned from a token that passed.
     *
     * @param authorizedParty the token's {@code azp}, or null
     * @param amr             the token's {@code amr} values, empty when it has none
     */
    record VerifiedIdentity(String issuer, String subject, String audience, List<String> audiences,
                            String authorizedParty, List<String> amr) {
    }

    static final String IDP_UNREACHABLE = "The request could not be fulfilled because the identity provider (IDP) "
            + "that was asked to verify the incoming identity token could not be reached.";

    private final Map<String, List<String>> clientIdsByIssuer;
    private final IssuerSignedJwts jwts;
    private final Clock clock;

    WebIdentityTokens(Map<String, List<String>> clientIdsByIssuer, OidcProviderKeys keys, Clock clock) {
        this.clientIdsByIssuer = Map.copyOf(clientIdsByIssuer);
        this.jwts = new IssuerSignedJwts(keys);
        this.clock = clock;
    }

    VerifiedIdentity verify(String token) throws StsError {
        try {
            return verifyJwt(token);
        } catch (JwtRejection e) {
            throw asStsError(e);
        }
    }

    private VerifiedIdentity verifyJwt(String token) throws StsError, JwtRejection {
        SignedJWT jwt = IssuerSignedJwts.parseSigned(token);
        JWTClaimsSet claims = IssuerSignedJwts.claims(jwt);
        String issuer = claims.getIssuer();
        if (issuer == null) {
            throw StsError.invalidIdentityToken("The web identity token has no iss claim");
        }
        List<String> clientIds = clientIdsByIssuer.get(issuer);
        if (clientIds == null) {
            throw StsError.invalidIdentityToken("No OpenIDConnect provider found in your account for " + issuer);
        }
        jwts.verifySignature(jwt, issuer);

        if (claims.getExpirationTime() == null) {
            throw StsError.invalidIdentityToken("The web identity token has no exp claim");
        }
        Instant now = clock.instant();
        Instant expiry = claims.getExpirationTime().toInstant();
        if (!now.isBefore(expiry)) {
            // STS reports both instants in epoch seconds.
            throw StsError.expiredWebIdentityToken("Token expired: current date/time " + now.getEpochSecond()
                    + " must be before the expiration date/time " + expiry.getEpochSecond());
        }
        List<String> audiences = claims.getAudience();
        String audience = audiences.stream().filter(clientIds::contains).findFirst()
                .orElseThrow(() -> StsError.invalidIdentityToken("Incorrect token audience"));
        String subject = claims.getSubject();
        if (subject == null || subject.isEmpty()) {
            throw StsError.invalidIdentityToken("The web identity token has no sub claim");
        }
        List<String> amr = claims.getClaim("amr") instanceof List<?> methods
                ? methods.stream().map(String::valueOf).toList() : List.of();
        return new VerifiedIdentity(issuer, subject, audience, List.copyOf(audiences),
                claims.getClaim("azp") instanceof String azp ? azp : null, amr);
    }

    private static StsError asStsError(JwtRejection rejection) {
        return switch (rejection.reason()) {
            case NOT_A_JWT -> StsError.invalidIdentityToken("The web identity token is not a valid JWT");
            case NOT_SIGNED -> StsError.invalidIdentityToken("The web identity token must be a signed JWT");
            case UNSUPPORTED_ALGORITHM -> StsError.invalidIdentityToken(
                    "Unsupported signing algorithm " + rejection.getMessage() + "; use an RSA or EC algorithm");
            case CLAIMS_NOT_JSON -> StsError.invalidIdentityToken("The web identity token's claims are not valid JSON");
            case ISSUER_UNREACHABLE -> StsError.idpCommunication(IDP_UNREACHABLE);
            case NO_MATCHING_KEY -> StsError.invalidIdentityToken("Couldn't retrieve verification key from your "
                    + "identity provider, please reference AssumeRoleWithWebIdentity documentation for requirements");
            case BAD_SIGNATURE -> StsError.invalidIdentityToken("The web identity token's signature is invalid");
        };
    }
}
