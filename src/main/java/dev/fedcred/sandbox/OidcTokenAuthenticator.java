package dev.fedcred.sandbox;

import com.nimbusds.jwt.JWTClaimsSet;
import com.nimbusds.jwt.SignedJWT;
import java.text.ParseException;
import java.time.Clock;
import java.util.List;
import java.util.Map;
import java.util.Optional;

/**
 * OIDC ID tokens, as kube-apiserver checks them with {@code --oidc-issuer-url=<sandbox issuer>
 * --oidc-client-id=fedcred-sandbox --oidc-username-claim=email}: signed by a key in the issuer's
 * JWKS, {@code iss} the issuer, {@code aud} containing the client ID, unexpired, with an
 * {@code email} claim whose {@code email_verified} (if present) is true. The user name is the
 * email with no prefix (the email claim never gets one); no groups claim is configured.
 */
final class OidcTokenAuthenticator implements KubernetesAuthenticator {

    private final String issuer;
    private final String clientId;
    private final IssuerSignedJwts jwts;
    private final Clock clock;

    OidcTokenAuthenticator(String issuer, String clientId, IssuerSignedJwts jwts, Clock clock) {
        this.issuer = issuer;
        this.clientId = clientId;
        this.jwts = jwts;
        this.clock = clock;
    }

    @Override
    public Optional<KubernetesUser> authenticate(String token) {
        try {
            SignedJWT jwt = IssuerSignedJwts.parseSigned(token);
            JWTClaimsSet claims = IssuerSignedJwts.claims(jwt);
            // The issuer first: keys are only ever fetched from the one issuer this API server trusts.
            if (!issuer.equals(claims.getIssuer())) {
                return Optional.empty();
            }
            jwts.verifySignature(jwt, issuer);
            if (claims.getExpirationTime() == null || !clock.instant().isBefore(claims.getExpirationTime().toInstant())
                    || !claims.getAudience().contains(clientId)) {
                return Optional.empty();
            }
            String email = claims.getStringClaim("email");
            Object verified = claims.getClaim("email_verified");
            if (email == null || email.isEmpty() || Boolean.FALSE.equals(verified) || "false".equals(verified)) {
                return Optional.empty();
            }
            return Optional.of(new KubernetesUser(email, null, List.of(SandboxKubernetes.AUTHENTICATED), Map.of()));
        } catch (JwtRejection | ParseException e) {
            return Optional.empty();
        }
    }
}
