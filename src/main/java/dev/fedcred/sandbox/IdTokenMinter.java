package dev.fedcred.sandbox;

import com.nimbusds.jose.JOSEException;
import com.nimbusds.jose.JOSEObjectType;
import com.nimbusds.jose.JWSAlgorithm;
import com.nimbusds.jose.JWSHeader;
import com.nimbusds.jwt.JWTClaimsSet;
import com.nimbusds.jwt.SignedJWT;
import java.nio.charset.StandardCharsets;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.util.Arrays;
import java.util.Base64;
import java.util.Date;
import java.util.Map;
import java.util.Set;

/** Signs ID tokens shaped like Google's, for the one sandbox user. */
final class IdTokenMinter {

    private final String issuer;
    private final SigningKeys keys;
    private final Duration lifetime;
    private final Clock clock;
    private final Map<String, Object> userClaims;

    IdTokenMinter(String issuer, SigningKeys keys, Duration lifetime, Clock clock, Map<String, Object> userClaims) {
        this.issuer = issuer;
        this.keys = keys;
        this.lifetime = lifetime;
        this.clock = clock;
        this.userClaims = userClaims;
    }

    /**
     * @param scopes      decides which user claims are included (see {@link SandboxUser#claimsFor})
     * @param nonce       from the authorization request; null on refresh, where OIDC Core 12.2 says
     *                    the new ID token should not carry one
     * @param accessToken issued in the same response; bound through {@code at_hash}
     */
    String mint(Grant grant, Set<String> scopes, String nonce, String accessToken) {
        // Whole seconds: exp must be exactly iat + lifetime after the JWT's second rounding.
        Instant issuedAt = Instant.ofEpochSecond(clock.instant().getEpochSecond());
        JWTClaimsSet.Builder claims = new JWTClaimsSet.Builder()
                .issuer(issuer)
                .audience(grant.clientId())
                .claim("azp", grant.clientId())
                .issueTime(Date.from(issuedAt))
                .expirationTime(Date.from(issuedAt.plus(lifetime)))
                .claim("auth_time", grant.authTime().getEpochSecond())
                .claim("at_hash", accessTokenHash(accessToken));
        for (Map.Entry<String, Object> claim : SandboxUser.claimsFor(scopes, userClaims).entrySet()) {
            claims.claim(claim.getKey(), claim.getValue());
        }
        if (nonce != null) {
            claims.claim("nonce", nonce);
        }
        JWSHeader header = new JWSHeader.Builder(JWSAlgorithm.RS256)
                .keyID(keys.keyId())
                .type(JOSEObjectType.JWT)
                .build();
        SignedJWT jwt = new SignedJWT(header, claims.build());
        try {
            jwt.sign(keys.signer());
        } catch (JOSEException e) {
            throw new IllegalStateException("cannot sign the ID token", e);
        }
        return jwt.serialize();
    }

    /**
     * OIDC Core 3.1.3.6: base64url of the left-most half of the hash of the ASCII access token,
     * the hash being the one of the JWS alg (SHA-256 for RS256).
     */
    static String accessTokenHash(String accessToken) {
        try {
            byte[] digest = MessageDigest.getInstance("SHA-256").digest(accessToken.getBytes(StandardCharsets.US_ASCII));
            return Base64.getUrlEncoder().withoutPadding().encodeToString(Arrays.copyOf(digest, digest.length / 2));
        } catch (NoSuchAlgorithmException e) {
            throw new IllegalStateException("SHA-256 is required by every Java platform", e);
        }
    }
}
