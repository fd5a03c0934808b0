package dev.fedcred.sandbox;

import com.nimbusds.jose.JOSEException;
import com.nimbusds.jose.JWSAlgorithm;
import com.nimbusds.jose.crypto.RSASSASigner;
import com.nimbusds.jose.jwk.JWKSet;
import com.nimbusds.jose.jwk.KeyUse;
import com.nimbusds.jose.jwk.RSAKey;
import com.nimbusds.jose.jwk.gen.RSAKeyGenerator;
import java.util.Map;

/**
 * The issuer's RS256 signing key. A fresh RSA 2048 key per server start: nothing is persisted,
 * so a token from a previous sandbox run fails signature validation, as it would after a real
 * key rotation. The {@code kid} is the RFC 7638 thumbprint, so it changes with the key.
 */
final class SigningKeys {

    private final RSAKey key;
    private final RSASSASigner signer;

    private SigningKeys(RSAKey key) throws JOSEException {
        this.key = key;
        this.signer = new RSASSASigner(key);
    }

    static SigningKeys generate() {
        try {
            RSAKey key = new RSAKeyGenerator(2048)
                    .keyUse(KeyUse.SIGNATURE)
                    .algorithm(JWSAlgorithm.RS256)
                    .keyIDFromThumbprint(true)
                    .generate();
            return new SigningKeys(key);
        } catch (JOSEException e) {
            throw new IllegalStateException("cannot generate the sandbox signing key", e);
        }
    }

    String keyId() {
        return key.getKeyID();
    }

    RSASSASigner signer() {
        return signer;
    }

    /** The JWK Set document served at {@code /jwks}: public parameters only. */
    Map<String, Object> publicJwkSet() {
        return new JWKSet(key.toPublicJWK()).toJSONObject(true);
    }
}
