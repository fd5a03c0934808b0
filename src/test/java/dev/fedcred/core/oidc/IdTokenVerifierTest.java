package dev.fedcred.core.oidc;

import static dev.fedcred.core.oidc.IdTokenRejectedException.Reason.*;
import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import com.nimbusds.jose.JWSAlgorithm;
import com.nimbusds.jose.JWSHeader;
import com.nimbusds.jose.crypto.MACSigner;
import com.nimbusds.jose.util.Base64URL;
import com.nimbusds.jwt.JWTClaimsSet;
import com.nimbusds.jwt.PlainJWT;
import com.nimbusds.jwt.SignedJWT;
import dev.fedcred.testing.TestKeys;
import java.time.Clock;
import java.time.Instant;
import java.time.ZoneOffset;
import java.util.Date;
import java.util.List;
import java.util.Set;
import java.util.function.Consumer;
import org.junit.jupiter.api.Test;

/** Every way an ID token must be refused, each with its own clear reason, and what must pass. */
class IdTokenVerifierTest {
    private static final String ISSUER = "https://issuer.example.test";
    private static final String CLIENT_ID = "client-123.apps.example.test";
    private static final String NONCE = "n-0S6_WzA2Mj";
    private static final Instant NOW = Instant.parse("2026-11-29T12:00:00Z");

    private static final TestKeys issuerKeys = TestKeys.generate("key-1");
    private final IdTokenVerifier verifier = new IdTokenVerifier(Clock.fixed(NOW, ZoneOffset.UTC));
    private final IdTokenExpectations expected = new IdTokenExpectations(Set.of(ISSUER), CLIENT_ID, NONCE, null);

    private JWTClaimsSet claims(Consumer<JWTClaimsSet.Builder> change) {
        JWTClaimsSet.Builder builder = new JWTClaimsSet.Builder()
                .issuer(ISSUER).subject("110169484474386276334").audience(CLIENT_ID)
                .claim("azp", CLIENT_ID).claim("email", "user@example.test").claim("nonce", NONCE)
                .issueTime(Date.from(NOW.minusSeconds(10))).expirationTime(Date.from(NOW.plusSeconds(3590)));
        change.accept(builder);
        return builder.build();
    }

    private VerifiedIdToken verify(String token) {
        return verifier.verify(token, expected, issuerKeys.publishedKeys());
    }

    private void assertRejected(String token, IdTokenRejectedException.Reason reason) {
        assertThatThrownBy(() -> verify(token))
                .isInstanceOf(IdTokenRejectedException.class)
                .hasMessageStartingWith("The ID token was rejected: ")
                .satisfies(e -> assertThat(((IdTokenRejectedException) e).reason()).isEqualTo(reason))
                .satisfies(e -> assertThat(token.length() < 20 || !e.getMessage().contains(token))
                        .as("the message must not carry the token").isTrue());
    }

    @Test
    void acceptsAValidToken() {
        VerifiedIdToken token = verify(issuerKeys.sign(claims(c -> { })));
        assertThat(token.claims()).containsEntry("email", "user@example.test");
        assertThat(token.header()).containsEntry("kid", "key-1");
        assertThat(token.expiresAt()).isEqualTo(NOW.plusSeconds(3590));
    }

    @Test
    void acceptsBothFormsOfGoogleIssuer() {
        IdTokenExpectations google = new IdTokenExpectations(
                IssuerKind.GOOGLE.acceptedIssuerClaims(IssuerKind.GOOGLE_ISSUER), CLIENT_ID, NONCE, null);
        for (String iss : List.of("https://accounts.google.com", "accounts.google.com")) {
            String token = issuerKeys.sign(claims(c -> c.issuer(iss)));
            assertThat(verifier.verify(token, google, issuerKeys.publishedKeys()).claims()).containsEntry("iss", iss);
        }
    }

    @Test
    void refusesAnExpiredToken() {
        assertRejected(issuerKeys.sign(claims(c -> c.expirationTime(Date.from(NOW.minusSeconds(61))))), EXPIRED);
    }

    @Test
    void toleratesSmallClockSkew() {
        assertThat(verify(issuerKeys.sign(claims(c -> c.expirationTime(Date.from(NOW.minusSeconds(30))))))).isNotNull();
    }

    @Test
    void refusesATokenIssuedInTheFuture() {
        assertRejected(issuerKeys.sign(claims(c -> c.issueTime(Date.from(NOW.plusSeconds(600))))), ISSUED_IN_FUTURE);
    }

    @Test
    void refusesTheWrongAudience() {
        assertRejected(issuerKeys.sign(claims(c -> c.audience("another-client").claim("azp", "another-client"))),
                WRONG_AUDIENCE);
    }

    @Test
    void refusesAnAuthorizedPartyThatIsNotThisClient() {
        assertRejected(issuerKeys.sign(claims(c -> c.audience(List.of(CLIENT_ID, "other")).claim("azp", "other"))),
                WRONG_AUTHORIZED_PARTY);
    }

    @Test
    void refusesTheWrongIssuer() {
        assertRejected(issuerKeys.sign(claims(c -> c.issuer("https://evil.example.test"))), WRONG_ISSUER);
    }

    @Test
    void refusesTheWrongNonce() {
        assertRejected(issuerKeys.sign(claims(c -> c.claim("nonce", "replayed-nonce"))), WRONG_NONCE);
    }

    @Test
    void refusesAMissingNonceWhenOneWasSent() {
        assertRejected(issuerKeys.sign(claims(c -> c.claim("nonce", null))), WRONG_NONCE);
    }

    @Test
    void refusesAlgNone() {
        assertRejected(new PlainJWT(claims(c -> { })).serialize(), UNSIGNED);
    }

    @Test
    void refusesHs256SignedWithThePublicKeyAsSecret() throws Exception {
        SignedJWT forged = new SignedJWT(new JWSHeader.Builder(JWSAlgorithm.HS256).keyID("key-1").build(),
                claims(c -> { }));
        forged.sign(new MACSigner(issuerKeys.key().toRSAPublicKey().getEncoded()));
        assertRejected(forged.serialize(), SYMMETRIC_ALGORITHM);
    }

    @Test
    void refusesAnUnknownKeyId() {
        TestKeys stranger = TestKeys.generate("key-unknown");
        assertRejected(stranger.sign(claims(c -> { })), UNKNOWN_KEY);
    }

    @Test
    void refusesATokenSignedByAnotherIssuersKeyUnderTheSameKid() {
        TestKeys otherIssuer = TestKeys.generate("key-1");
        assertRejected(otherIssuer.sign(claims(c -> { })), BAD_SIGNATURE);
    }

    @Test
    void refusesATamperedPayload() {
        String[] parts = issuerKeys.sign(claims(c -> { })).split("\\.");
        String tamperedClaims = claims(c -> c.subject("admin")).toString();
        String tampered = parts[0] + "." + Base64URL.encode(tamperedClaims) + "." + parts[2];
        assertRejected(tampered, BAD_SIGNATURE);
    }

    @Test
    void refusesAMalformedJwt() {
        assertRejected("not-a.jwt", MALFORMED);
        assertRejected("", MALFORMED);
    }

    @Test
    void refusesATokenWithoutASubject() {
        assertRejected(issuerKeys.sign(claims(c -> c.subject(null))), MISSING_CLAIM);
    }

    @Test
    void refusesARefreshedTokenForAnotherSubject() {
        IdTokenExpectations refresh = new IdTokenExpectations(Set.of(ISSUER), CLIENT_ID, null, "someone-else");
        assertThatThrownBy(() -> verifier.verify(issuerKeys.sign(claims(c -> { })), refresh, issuerKeys.publishedKeys()))
                .isInstanceOfSatisfying(IdTokenRejectedException.class, e -> assertThat(e.reason()).isEqualTo(WRONG_SUBJECT));
    }

    private static final String TERMINAL_ATTACK = "\u001b[2J\u001b]0;pwned\u0007\u009b31m\u202e";

    private static void assertNoControlCharacters(Throwable e) {
        assertThat(e.getMessage().chars().filter(c -> Character.isISOControl(c) || c == 0x202E).toArray())
                .as(e.getMessage()).isEmpty();
    }

    @Test
    void quotesAHostileIssuerAudienceAndAuthorizedPartyEscaped() {
        for (Consumer<JWTClaimsSet.Builder> hostile : List.<Consumer<JWTClaimsSet.Builder>>of(
                c -> c.issuer(ISSUER + TERMINAL_ATTACK),
                c -> c.audience(List.of("other" + TERMINAL_ATTACK)),
                c -> c.claim("azp", "other" + TERMINAL_ATTACK))) {
            assertThatThrownBy(() -> verify(issuerKeys.sign(claims(hostile))))
                    .isInstanceOf(IdTokenRejectedException.class)
                    .satisfies(IdTokenVerifierTest::assertNoControlCharacters)
                    .hasMessageContaining("\\u001B[2J\\u001B]0;pwned\\u0007\\u009B31m\\u202E");
        }
    }

    @Test
    void quotesAHostileKeyIdEscaped() {
        TestKeys stranger = TestKeys.generate("kid" + TERMINAL_ATTACK);
        assertThatThrownBy(() -> verify(stranger.sign(claims(c -> { }))))
                .isInstanceOf(IdTokenRejectedException.class)
                .satisfies(IdTokenVerifierTest::assertNoControlCharacters)
                .hasMessageContaining("kid\\u001B[2J");
    }
}
