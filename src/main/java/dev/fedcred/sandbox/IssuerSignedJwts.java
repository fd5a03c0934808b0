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
import java.util.ArrayList;
import java.util.List;

/**
 * The part of verifying an OIDC ID token that every cloud STS does alike: a signed JWT, with an
 * RSA or EC algorithm, whose signature checks out against a key the issuer publishes (fetched
 * over loopback by {@link OidcProviderKeys}). What the claims must then say (which issuers,
 * audiences, expiry wording) differs per service and is left to each emulator, as is the order
 * of checks, which decides which error a client sees first.
 */
final class IssuerSignedJwts {

    private final OidcProviderKeys keys;

    IssuerSignedJwts(OidcProviderKeys keys) {
        this.keys = keys;
    }

    /** Parses a compact JWT that is signed with an RSA or EC algorithm; no signature check yet. */
    static SignedJWT parseSigned(String token) throws JwtRejection {
        JWT jwt;
        try {
            jwt = JWTParser.parse(token);
        } catch (ParseException e) {
            throw new JwtRejection(JwtRejection.Reason.NOT_A_JWT, "not a JWT");
        }
        if (!(jwt instanceof SignedJWT signed)) {
            throw new JwtRejection(JwtRejection.Reason.NOT_SIGNED, "not a signed JWT");
        }
        JWSAlgorithm alg = signed.getHeader().getAlgorithm();
        // HMAC would need a secret shared with the service; OIDC providers publish public keys only.
        if (!JWSAlgorithm.Family.RSA.contains(alg) && !JWSAlgorithm.Family.EC.contains(alg)) {
            throw new JwtRejection(JwtRejection.Reason.UNSUPPORTED_ALGORITHM, String.valueOf(alg));
        }
        return signed;
    }

    static JWTClaimsSet claims(SignedJWT jwt) throws JwtRejection {
        try {
            return jwt.getJWTClaimsSet();
        } catch (ParseException e) {
            throw new JwtRejection(JwtRejection.Reason.CLAIMS_NOT_JSON, "claims are not a JSON object");
        }
    }

    /** Verifies the signature with {@code issuer}'s published keys, refetching once for an unknown key. */
    void verifySignature(SignedJWT jwt, String issuer) throws JwtRejection {
        List<JWK> candidates = candidateKeys(keys.keys(issuer), jwt.getHeader());
        if (candidates.isEmpty()) {
            // A key we have not seen: the provider may have rotated since we fetched.
            candidates = candidateKeys(keys.refetch(issuer), jwt.getHeader());
        }
        if (candidates.isEmpty()) {
            throw new JwtRejection(JwtRejection.Reason.NO_MATCHING_KEY, "no published key fits the token");
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
        throw new JwtRejection(JwtRejection.Reason.BAD_SIGNATURE, "signature does not verify");
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
