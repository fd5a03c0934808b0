package dev.fedcred.sandbox;

import com.nimbusds.jose.JOSEObjectType;
import com.nimbusds.jose.JWSAlgorithm;
import com.nimbusds.jose.JWSHeader;
import com.nimbusds.jose.JWSSigner;
import com.nimbusds.jose.crypto.ECDSASigner;
import com.nimbusds.jose.crypto.RSASSASigner;
import com.nimbusds.jose.jwk.Curve;
import com.nimbusds.jose.jwk.ECKey;
import com.nimbusds.jose.jwk.JWK;
import com.nimbusds.jose.jwk.JWKSet;
import com.nimbusds.jose.jwk.RSAKey;
import com.nimbusds.jose.jwk.gen.ECKeyGenerator;
import com.nimbusds.jose.jwk.gen.RSAKeyGenerator;
import com.nimbusds.jwt.JWTClaimsSet;
import com.nimbusds.jwt.SignedJWT;
import com.sun.net.httpserver.HttpExchange;
import com.sun.net.httpserver.HttpServer;
import java.io.IOException;
import java.io.OutputStream;
import java.net.InetAddress;
import java.net.InetSocketAddress;
import java.nio.charset.StandardCharsets;
import java.time.Instant;
import java.util.Date;
import java.util.List;
import java.util.UUID;

/**
 * A minimal OIDC provider run by a test: discovery and a JWKS on 127.0.0.1, and tokens with
 * whatever claims the test wants. Keys can be rotated to exercise the emulator's key cache.
 */
final class TestOidcIssuer implements AutoCloseable {

    private final HttpServer server;
    private final String issuer;
    private volatile JWK currentKey;
    private volatile String jwksUriOverride;
    private volatile int jwksPadding;

    private TestOidcIssuer(HttpServer server) throws Exception {
        this.server = server;
        this.issuer = "http://127.0.0.1:" + server.getAddress().getPort();
        this.currentKey = newRsaKey();
        server.createContext("/.well-known/openid-configuration", e -> send(e, discovery()));
        server.createContext("/jwks", e -> send(e, new JWKSet(currentKey.toPublicJWK()).toString(true)
                + " ".repeat(jwksPadding)));
        server.start();
    }

    static TestOidcIssuer start() throws Exception {
        return new TestOidcIssuer(HttpServer.create(new InetSocketAddress(InetAddress.getByName("127.0.0.1"), 0), 0));
    }

    String issuer() {
        return issuer;
    }

    /** Publishes (and signs with) a new key in place of the old one. */
    void rotateTo(JWK key) {
        currentKey = key;
    }

    /** Makes discovery point somewhere else for the keys. */
    void pointJwksUriAt(String url) {
        jwksUriOverride = url;
    }

    /** Pads the key set with this much trailing white space: still valid JSON, just large. */
    void padJwksWith(int bytes) {
        jwksPadding = bytes;
    }

    static RSAKey newRsaKey() throws Exception {
        return new RSAKeyGenerator(2048).keyID(UUID.randomUUID().toString()).generate();
    }

    static ECKey newEcKey() throws Exception {
        return new ECKeyGenerator(Curve.P_256).keyID(UUID.randomUUID().toString()).generate();
    }

    /** A token for {@code aud}, subject "test-user", valid for an hour from now. */
    String mint(String aud) throws Exception {
        return mint(claims(aud).build());
    }

    JWTClaimsSet.Builder claims(String aud) {
        Instant now = Instant.now();
        return new JWTClaimsSet.Builder()
                .issuer(issuer)
                .subject("test-user")
                .audience(List.of(aud))
                .issueTime(Date.from(now))
                .expirationTime(Date.from(now.plusSeconds(3600)));
    }

    String mint(JWTClaimsSet claims) throws Exception {
        return sign(currentKey, claims);
    }

    /** Signs with any key, published or not, with the key's own kid. */
    static String sign(JWK key, JWTClaimsSet claims) throws Exception {
        JWSSigner signer;
        JWSAlgorithm alg;
        if (key instanceof RSAKey rsa) {
            signer = new RSASSASigner(rsa);
            alg = JWSAlgorithm.RS256;
        } else {
            signer = new ECDSASigner((ECKey) key);
            alg = JWSAlgorithm.ES256;
        }
        SignedJWT jwt = new SignedJWT(
                new JWSHeader.Builder(alg).keyID(key.getKeyID()).type(JOSEObjectType.JWT).build(), claims);
        jwt.sign(signer);
        return jwt.serialize();
    }

    private String discovery() {
        String jwksUri = jwksUriOverride != null ? jwksUriOverride : issuer + "/jwks";
        return "{\"issuer\":\"" + issuer + "\",\"jwks_uri\":\"" + jwksUri + "\"}";
    }

    private static void send(HttpExchange exchange, String json) throws IOException {
        byte[] bytes = json.getBytes(StandardCharsets.UTF_8);
        exchange.getResponseHeaders().set("Content-Type", "application/json");
        exchange.sendResponseHeaders(200, bytes.length);
        try (OutputStream out = exchange.getResponseBody()) {
            out.write(bytes);
        }
    }

    @Override
    public void close() {
        server.stop(0);
    }
}
