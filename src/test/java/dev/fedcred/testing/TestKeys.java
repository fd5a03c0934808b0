package dev.fedcred.testing;

import com.nimbusds.jose.JOSEException;
import com.nimbusds.jose.JWSAlgorithm;
import com.nimbusds.jose.JWSHeader;
import com.nimbusds.jose.JOSEObjectType;
import com.nimbusds.jose.crypto.RSASSASigner;
import com.nimbusds.jose.jwk.JWKSet;
import com.nimbusds.jose.jwk.RSAKey;
import com.nimbusds.jose.jwk.gen.RSAKeyGenerator;
import com.nimbusds.jose.jwk.source.ImmutableJWKSet;
import com.nimbusds.jose.jwk.source.JWKSource;
import com.nimbusds.jose.proc.SecurityContext;
import com.nimbusds.jwt.JWTClaimsSet;
import com.nimbusds.jwt.SignedJWT;

/** An issuer's RSA signing key for tests that build their own ID tokens. */
public final class TestKeys {
    private final RSAKey key;

    private TestKeys(RSAKey key) {
        this.key = key;
    }

    public static TestKeys generate(String kid) {
        try {
            return new TestKeys(new RSAKeyGenerator(2048).keyID(kid).generate());
        } catch (JOSEException e) {
            throw new IllegalStateException(e);
        }
    }

    public RSAKey key() {
        return key;
    }

    /** The issuer's published JWKS: public halves only. */
    public JWKSource<SecurityContext> publishedKeys() {
        return new ImmutableJWKSet<>(new JWKSet(key.toPublicJWK()));
    }

    public String sign(JWTClaimsSet claims) {
        try {
            SignedJWT jwt = new SignedJWT(new JWSHeader.Builder(JWSAlgorithm.RS256).keyID(key.getKeyID())
                    .type(JOSEObjectType.JWT).build(), claims);
            jwt.sign(new RSASSASigner(key));
            return jwt.serialize();
        } catch (JOSEException e) {
            throw new IllegalStateException(e);
        }
    }
}
