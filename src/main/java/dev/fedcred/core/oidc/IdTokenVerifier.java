package dev.fedcred.core.oidc;

import static dev.fedcred.core.oidc.IdTokenRejectedException.Reason.*;

import com.nimbusds.jose.JOSEException;
import com.nimbusds.jose.JWSAlgorithm;
import com.nimbusds.jose.JWSHeader;
import com.nimbusds.jose.JWSVerifier;
import com.nimbusds.jose.KeySourceException;
import com.nimbusds.jose.crypto.factories.DefaultJWSVerifierFactory;
import com.nimbusds.jose.jwk.AsymmetricJWK;
import com.nimbusds.jose.jwk.JWK;
import com.nimbusds.jose.jwk.JWKMatcher;
import com.nimbusds.jose.jwk.JWKSelector;
import com.nimbusds.jose.jwk.source.JWKSource;
import com.nimbusds.jose.proc.SecurityContext;
import com.nimbusds.jwt.EncryptedJWT;
import com.nimbusds.jwt.JWT;
import com.nimbusds.jwt.JWTClaimsSet;
import com.nimbusds.jwt.JWTParser;
import com.nimbusds.jwt.PlainJWT;
import com.nimbusds.jwt.SignedJWT;
import dev.fedcred.core.text.OutsideText;
import java.security.Key;
import java.text.ParseException;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.util.Date;
import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;

/**
 * Verifies an ID token as OIDC Core 3.1.3.7 asks: signature with a key the issuer publishes
 * (RSA and EC algorithms only, so neither {@code none} nor an HMAC keyed with the public key can
 * pass), then {@code iss}, {@code aud}, {@code azp}, {@code exp}, {@code iat} and {@code nonce}.
 * Each failure has its own reason and a message that never includes the token; what it quotes
 * of the token (iss, aud, azp, kid, alg) is the issuer's text and is neutralised first.
 */
public final class IdTokenVerifier {
    public static final Duration CLOCK_SKEW = Duration.ofSeconds(60);

    private static final Set<JWSAlgorithm> ASYMMETRIC_ALGORITHMS = asymmetricAlgorithms();

    private final Clock clock;
    private final DefaultJWSVerifierFactory verifierFactory = new DefaultJWSVerifierFactory();

    public IdTokenVerifier(Clock clock) {
        this.clock = clock;
    }

    public VerifiedIdToken verify(String rawToken, IdTokenExpectations expected, JWKSource<SecurityContext> issuerKeys) {
        SignedJWT jwt = parseSigned(rawToken);
        verifySignature(jwt, issuerKeys);
        JWTClaimsSet claims = claimsOf(jwt);
        verifyClaims(claims, expected);
        Map<String, Object> header = jwt.getHeader().toJSONObject();
        return new VerifiedIdToken(rawToken, header, claims.toJSONObject(), claims.getExpirationTime().toInstant());
    }

    private static SignedJWT parseSigned(String rawToken) {
        JWT jwt;
        try {
            jwt = JWTParser.parse(rawToken == null ? "" : rawToken.strip());
        } catch (ParseException e) {
            throw new IdTokenRejectedException(MALFORMED, "it is not a well-formed JWT (" + OutsideText.shown(e.getMessage()) + ").", e);
        }
        if (jwt instanceof PlainJWT) {
            throw new IdTokenRejectedException(UNSIGNED, "it is unsigned (alg \"none\"); only signed tokens are accepted.");
        }
        if (jwt instanceof EncryptedJWT) {
            throw new IdTokenRejectedException(ENCRYPTED, "it is encrypted; fedcred accepts signed ID tokens only.");
        }
        SignedJWT signed = (SignedJWT) jwt;
        JWSAlgorithm alg = signed.getHeader().getAlgorithm();
        if (!ASYMMETRIC_ALGORITHMS.contains(alg)) {
            throw new IdTokenRejectedException(SYMMETRIC_ALGORITHM, "it is signed with " + OutsideText.shown(String.valueOf(alg))
                    + "; only the issuer's published asymmetric keys (RSA or EC) are accepted.");
        }
        return signed;
    }

    private void verifySignature(SignedJWT jwt, JWKSource<SecurityContext> issuerKeys) {
        JWSHeader header = jwt.getHeader();
        List<JWK> candidates;
        try {
            candidates = issuerKeys.get(new JWKSelector(JWKMatcher.forJWSHeader(header)), null);
        } catch (KeySourceException e) {
            throw new IssuerUnreachableException("Cannot fetch the issuer's signing keys (JWKS): " + OutsideText.shown(e.getMessage())
                    + ". Check the network and the issuer URL, then sign in again.", e);
        }
        if (candidates.isEmpty()) {
            String kid = header.getKeyID() == null ? "(no kid)" : "\"" + OutsideText.shown(header.getKeyID()) + "\"";
            throw new IdTokenRejectedException(UNKNOWN_KEY, "it is signed with key " + kid
                    + ", which the issuer does not publish. It was not issued by this issuer.");
        }
        for (JWK candidate : candidates) {
            if (verifiesWith(jwt, candidate)) {
                return;
            }
        }
        throw new IdTokenRejectedException(BAD_SIGNATURE,
                "its signature does not verify with the issuer's key; it was altered or signed by someone else.");
    }

    private boolean verifiesWith(SignedJWT jwt, JWK jwk) {
        try {
            Key key = ((AsymmetricJWK) jwk).toPublicKey();
            JWSVerifier verifier = verifierFactory.createJWSVerifier(jwt.getHeader(), key);
            return jwt.verify(verifier);
        } catch (JOSEException | ClassCastException e) {
            return false;
        }
    }

    private static JWTClaimsSet claimsOf(SignedJWT jwt) {
        try {
            return jwt.getJWTClaimsSet();
        } catch (ParseException e) {
            throw new IdTokenRejectedException(MALFORMED, "its claims are not a JSON object (" + OutsideText.shown(e.getMessage()) + ").", e);
        }
    }

    private void verifyClaims(JWTClaimsSet claims, IdTokenExpectations expected) {
        for (String required : List.of("iss", "sub", "aud", "exp", "iat")) {
            if (claims.getClaim(required) == null) {
                throw new IdTokenRejectedException(MISSING_CLAIM, "it has no \"" + required + "\" claim.");
            }
        }
        if (!expected.issuers().contains(claims.getIssuer())) {
            throw new IdTokenRejectedException(WRONG_ISSUER, "its issuer (iss) is \"" + OutsideText.shown(claims.getIssuer())
                    + "\" but this sign-in expects " + expected.issuers() + ".");
        }
        List<String> audience = claims.getAudience();
        if (!audience.contains(expected.clientId())) {
            throw new IdTokenRejectedException(WRONG_AUDIENCE, "its audience (aud) " + OutsideText.shown(audience.toString())
                    + " does not contain this app's client ID \"" + expected.clientId()
                    + "\". Check the client ID configured for this issuer.");
        }
        verifyAuthorizedParty(claims, audience, expected.clientId());
        verifyTimes(claims);
        verifyNonce(claims, expected.nonce());
        if (expected.subject() != null && !expected.subject().equals(claims.getSubject())) {
            throw new IdTokenRejectedException(WRONG_SUBJECT,
                    "the refreshed token names a different subject (sub) than the original sign-in.");
        }
    }

    private static void verifyAuthorizedParty(JWTClaimsSet claims, List<String> audience, String clientId) {
        Object azp = claims.getClaim("azp");
        if (azp == null && audience.size() > 1) {
            throw new IdTokenRejectedException(WRONG_AUTHORIZED_PARTY,
                    "it has several audiences but no authorized party (azp).");
        }
        if (azp != null && !clientId.equals(azp.toString())) {
            throw new IdTokenRejectedException(WRONG_AUTHORIZED_PARTY, "its authorized party (azp) is \"" + OutsideText.shown(azp.toString())
                    + "\", not this app's client ID \"" + clientId + "\".");
        }
    }

    private void verifyTimes(JWTClaimsSet claims) {
        Instant now = clock.instant();
        Date exp = dateClaim(claims, "exp");
        Date iat = dateClaim(claims, "iat");
        if (!now.isBefore(exp.toInstant().plus(CLOCK_SKEW))) {
            throw new IdTokenRejectedException(EXPIRED, "it expired at " + exp.toInstant()
                    + " (now " + now + "). Sign in again; if this repeats, check this computer's clock.");
        }
        if (iat.toInstant().isAfter(now.plus(CLOCK_SKEW))) {
            throw new IdTokenRejectedException(ISSUED_IN_FUTURE, "it says it was issued at " + iat.toInstant()
                    + ", after now (" + now + "). Check this computer's clock.");
        }
    }

    private static Date dateClaim(JWTClaimsSet claims, String name) {
        try {
            return claims.getDateClaim(name);
        } catch (ParseException e) {
            throw new IdTokenRejectedException(MALFORMED, "its \"" + name + "\" claim is not a time.", e);
        }
    }

    private static void verifyNonce(JWTClaimsSet claims, String expectedNonce) {
        if (expectedNonce == null) {
            return;
        }
        Object nonce = claims.getClaim("nonce");
        if (!expectedNonce.equals(nonce)) {
            throw new IdTokenRejectedException(WRONG_NONCE, nonce == null
                    ? "it carries no nonce, but this sign-in sent one; it may be replayed from another sign-in."
                    : "its nonce does not match the one this sign-in sent; it may be replayed from another sign-in.");
        }
    }

    private static Set<JWSAlgorithm> asymmetricAlgorithms() {
        Set<JWSAlgorithm> algorithms = new HashSet<>();
        algorithms.addAll(JWSAlgorithm.Family.RSA);
        algorithms.addAll(JWSAlgorithm.Family.EC);
        return Set.copyOf(algorithms);
    }
}
