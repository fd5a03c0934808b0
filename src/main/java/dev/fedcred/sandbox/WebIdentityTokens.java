package dev.fedcred.sandbox;

import com.nimbusds.jose.JOSEException;
import com.nimbusds.jose.JWSAlgorithm;
import com.nimbusds.jose.JWSHeader;
import com.nimbusds.jose.JWSVerifier;
import com.nimbusds.jose.crypto.ECDSAVerifier;
import com.nimbusds.jose.crypto.RSASSAVerifier;
import com.nimbusds.jose.jwk.ECKey;
import com.nimbusds.jose.jwk.JWK;
import com.nimbusds.jose.jwk.JWKSet;
import com.nimbusds.jose.jwk.KeyUse;
import com.nimbusds.jose.jwk.RSAKey;
import com.nimbusds.jwt.JWT;
import com.nimbusds.jwt.JWTClaimsSet;
import com.nimbusds.jwt.JWTParser;
import com.nimbusds.jwt.SignedJWT;
import java.text.ParseException;
import java.time.Clock;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;

/**
 * Checks a web identity token the way STS does for an IAM OIDC provider: a signed JWT from a
 * registered issuer, signed with one of that issuer's published RSA or EC keys, unexpired, and
 * for one of the provider's client IDs. The trust policy of the role is checked afterwards, by
 * the caller.
 */
final class WebIdentityTokens {

    /** What STS learned from a token that passed. */
    record VerifiedIdentity(String issuer, String subject, String audience, List<String> audiences) {
    }

    private final Map<String, List<String>> clientIdsByIssuer;
    private final OidcProviderKeys keys;
    private final Clock clock;

    WebIdentityTokens(Map<String, List<String>> clientIdsByIssuer, OidcProviderKeys keys, Clock clock) {
        this.clientIdsByIssuer = Map.copyOf(clientIdsByIssuer);
        this.keys = keys;
        this.clock = clock;
    }

    VerifiedIdentity verify(String token) throws StsError {
        SignedJWT jwt = parseSigned(token);
        JWTClaimsSet claims;
        try {
            claims = jwt.getJWTClaimsSet();
        } catch (ParseException e) {
            throw StsError.invalidIdentityToken("The web identity token's claims are not valid JSON");
        }
        String issuer = claims.getIssuer();
        if (issuer == null) {
            throw StsError.invalidIdentityToken("The web identity token has no iss claim");
        }
        List<String> clientIds = clientIdsByIssuer.get(issuer);
        if (clientIds == null) {
            throw StsError.invalidIdentityToken("No OpenIDConnect provider found in your account for " + issuer);
        }
        verifySignature(jwt, issuer);

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
        return new VerifiedIdentity(issuer, subject, audience, List.copyOf(audiences));
    }

    private static SignedJWT parseSigned(String token) throws StsError {
        JWT jwt;
        try {
            jwt = JWTParser.parse(token);
        } catch (ParseException e) {
            throw StsError.invalidIdentityToken("The web identity token is not a valid JWT");
        }
        if (!(jwt instanceof SignedJWT signed)) {
            // A PlainJWT (alg none) or an encrypted one: neither proves who issued it.
            throw StsError.invalidIdentityToken("The web identity token must be a signed JWT");
        }
        JWSAlgorithm alg = signed.getHeader().getAlgorithm();
        // HMAC would need a secret shared with STS; IAM OIDC providers publish public keys only.
        if (!JWSAlgorithm.Family.RSA.contains(alg) && !JWSAlgorithm.Family.EC.contains(alg)) {
            throw StsError.invalidIdentityToken("Unsupported signing algorithm " + alg + "; use an RSA or EC algorithm");
        }
        return signed;
    }

    private void verifySignature(SignedJWT jwt, String issuer) throws StsError {
        List<JWK> candidates = candidateKeys(keys.keys(issuer), jwt.getHeader());
        if (candidates.isEmpty()) {
            // A key we have not seen: the provider may have rotated since we fetched.
            candidates = candidateKeys(keys.refetch(issuer), jwt.getHeader());
        }
        if (candidates.isEmpty()) {
            throw StsError.invalidIdentityToken("Couldn't retrieve verification key from your identity provider, "
                    + "please reference AssumeRoleWithWebIdentity documentation for requirements");
        }
        for (JWK key : candidates) {
            try {
                if (jwt.verify(verifierFor(key))) {
                    return;
                }
            } catch (JOSEException e) {
                // Wrong curve or key size for this alg: try the next candidate.
            }
        }
        throw StsError.invalidIdentityToken("The web identity token's signature is invalid");
    }

    /** Published signing keys of the header's type, with the header's kid if it names one. */
    private static List<JWK> candidateKeys(JWKSet set, JWSHeader header) {
        boolean rsa = JWSAlgorithm.Family.RSA.contains(header.getAlgorithm());
        List<JWK> matching = new ArrayList<>();
        for (JWK key : set.getKeys()) {
            boolean typeFits = rsa ? key instanceof RSAKey : key instanceof ECKey;
            boolean forSigning = key.getKeyUse() == null || KeyUse.SIGNATURE.equals(key.getKeyUse());
            boolean algFits = key.getAlgorithm() == null || key.getAlgorithm().equals(header.getAlgorithm());
            boolean kidFits = header.getKeyID() == null || header.getKeyID().equals(key.getKeyID());
            if (typeFits && forSigning && algFits && kidFits) {
                matching.add(key);
            }
        }
        return matching;
    }

    private static JWSVerifier verifierFor(JWK key) throws JOSEException {
        return key instanceof RSAKey rsa ? new RSASSAVerifier(rsa) : new ECDSAVerifier((ECKey) key);
    }
}
