package dev.fedcred.sandbox;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;
import static org.assertj.core.api.Assertions.within;

import com.nimbusds.jose.JWSAlgorithm;
import com.nimbusds.jose.JWSHeader;
import com.nimbusds.jose.crypto.MACSigner;
import com.nimbusds.jwt.JWTClaimsSet;
import com.nimbusds.jwt.PlainJWT;
import com.nimbusds.jwt.SignedJWT;
import dev.fedcred.testing.MutableClock;
import java.time.Duration;
import java.time.Instant;
import java.time.temporal.ChronoUnit;
import java.util.Date;
import java.util.List;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import software.amazon.awssdk.services.sts.StsClient;
import software.amazon.awssdk.services.sts.model.AssumeRoleWithWebIdentityResponse;
import software.amazon.awssdk.services.sts.model.ExpiredTokenException;
import software.amazon.awssdk.services.sts.model.GetCallerIdentityResponse;
import software.amazon.awssdk.services.sts.model.IdpCommunicationErrorException;
import software.amazon.awssdk.services.sts.model.InvalidIdentityTokenException;
import software.amazon.awssdk.services.sts.model.StsException;

/**
 * AssumeRoleWithWebIdentity through the real AWS SDK v2: what the SDK parses out of a success,
 * and which exception type and error code each refusal becomes.
 */
class AwsStsAssumeRoleWithWebIdentityTest {

    private static SandboxServer server;
    private static StsClient sts;

    @BeforeAll
    static void start() throws Exception {
        server = SandboxServer.start(SandboxOptions.defaults().withPort(0).withAutoApprove(true));
        sts = StsTestSupport.anonymousStsWithoutRetries(server);
    }

    @AfterAll
    static void stop() {
        sts.close();
        server.close();
    }

    @Test
    void sandboxIdTokenBuysCredentialsThatGetCallerIdentityAccepts() throws Exception {
        String token = StsTestSupport.sandboxIdToken(server);
        Instant before = Instant.now();

        AssumeRoleWithWebIdentityResponse response = sts.assumeRoleWithWebIdentity(
                StsTestSupport.assume(SandboxAws.DEFAULT_ROLE_ARN, token).roleSessionName("alice@example.com").build());

        assertThat(response.subjectFromWebIdentityToken()).isEqualTo(SandboxUser.SUBJECT);
        assertThat(response.audience()).isEqualTo(SandboxClient.CLIENT_ID);
        assertThat(response.provider()).isEqualTo("127.0.0.1:" + server.issuerUri().getPort());
        assertThat(response.assumedRoleUser().arn())
                .isEqualTo("arn:aws:sts::000000000000:assumed-role/fedcred-sandbox/alice@example.com");
        assertThat(response.assumedRoleUser().assumedRoleId()).matches("AROA[A-Z0-9]{17}:alice@example\\.com");
        assertThat(response.credentials().accessKeyId()).matches("ASIA[A-Z0-9]{16}");
        assertThat(response.credentials().secretAccessKey()).hasSize(40);
        assertThat(response.credentials().sessionToken()).isNotBlank();
        // Default DurationSeconds is one hour; Expiration has whole seconds like AWS's.
        assertThat(response.credentials().expiration())
                .isCloseTo(before.plus(Duration.ofHours(1)), within(5, ChronoUnit.SECONDS));
        assertThat(response.credentials().expiration().getNano()).isZero();
        assertThat(response.responseMetadata().requestId()).isNotBlank();

        try (StsClient signed = StsTestSupport.signedSts(server, response.credentials())) {
            GetCallerIdentityResponse caller = signed.getCallerIdentity();
            assertThat(caller.account()).isEqualTo(SandboxAws.ACCOUNT_ID);
            assertThat(caller.arn()).isEqualTo(response.assumedRoleUser().arn());
            assertThat(caller.userId()).isEqualTo(response.assumedRoleUser().assumedRoleId());
        }
    }

    @Test
    void durationUpToTheRoleMaximumIsGranted() throws Exception {
        Instant before = Instant.now();
        AssumeRoleWithWebIdentityResponse twelveHours = sts.assumeRoleWithWebIdentity(StsTestSupport
                .assume(SandboxAws.DEFAULT_ROLE_ARN, StsTestSupport.sandboxIdToken(server)).durationSeconds(43_200).build());
        assertThat(twelveHours.credentials().expiration())
                .isCloseTo(before.plus(Duration.ofHours(12)), within(5, ChronoUnit.SECONDS));

        AssumeRoleWithWebIdentityResponse minimum = sts.assumeRoleWithWebIdentity(StsTestSupport
                .assume(SandboxAws.SHORT_ROLE_ARN, StsTestSupport.sandboxIdToken(server)).durationSeconds(900).build());
        assertThat(minimum.credentials().expiration())
                .isCloseTo(before.plus(Duration.ofMinutes(15)), within(5, ChronoUnit.SECONDS));
        assertThat(minimum.assumedRoleUser().arn()).endsWith(":assumed-role/fedcred-sandbox-short/fedcred-test");
    }

    @Test
    void roleIdIsStablePerRoleAndSessionNameIsAppended() throws Exception {
        String first = sts.assumeRoleWithWebIdentity(StsTestSupport.assume(SandboxAws.DEFAULT_ROLE_ARN,
                StsTestSupport.sandboxIdToken(server)).roleSessionName("one").build()).assumedRoleUser().assumedRoleId();
        String second = sts.assumeRoleWithWebIdentity(StsTestSupport.assume(SandboxAws.DEFAULT_ROLE_ARN,
                StsTestSupport.sandboxIdToken(server)).roleSessionName("two").build()).assumedRoleUser().assumedRoleId();
        String shortRole = sts.assumeRoleWithWebIdentity(StsTestSupport.assume(SandboxAws.SHORT_ROLE_ARN,
                StsTestSupport.sandboxIdToken(server)).roleSessionName("one").build()).assumedRoleUser().assumedRoleId();

        assertThat(first.split(":")[0]).isEqualTo(second.split(":")[0]).isNotEqualTo(shortRole.split(":")[0]);
        assertThat(second).endsWith(":two");
    }

    // --- InvalidIdentityToken ---------------------------------------------------------------

    @Test
    void malformedTokenIsInvalidIdentityToken() {
        assertThatThrownBy(() -> sts.assumeRoleWithWebIdentity(
                StsTestSupport.assume(SandboxAws.DEFAULT_ROLE_ARN, "not-a-jwt-at-all").build()))
                .isInstanceOfSatisfying(InvalidIdentityTokenException.class, e -> {
                    assertThat(e.awsErrorDetails().errorCode()).isEqualTo("InvalidIdentityToken");
                    assertThat(e.statusCode()).isEqualTo(400);
                });
    }

    @Test
    void tokenSignedByAKeyTheIssuerDoesNotPublishIsRefused() throws Exception {
        JWTClaimsSet claims = sandboxLikeClaims(Instant.now().plusSeconds(3600));
        String forged = TestOidcIssuer.sign(TestOidcIssuer.newRsaKey(), claims);

        assertThatThrownBy(() -> sts.assumeRoleWithWebIdentity(
                StsTestSupport.assume(SandboxAws.DEFAULT_ROLE_ARN, forged).build()))
                .isInstanceOfSatisfying(InvalidIdentityTokenException.class, e ->
                        assertThat(e.awsErrorDetails().errorMessage()).contains("Couldn't retrieve verification key"));
    }

    @Test
    void tokenWithThePublishedKidButAForeignSignatureIsRefused() throws Exception {
        String genuine = StsTestSupport.sandboxIdToken(server);
        SignedJWT parsed = SignedJWT.parse(genuine);
        // Same header (kid of the sandbox key), claims re-signed by another key.
        com.nimbusds.jose.jwk.RSAKey other = TestOidcIssuer.newRsaKey();
        SignedJWT resigned = new SignedJWT(parsed.getHeader(), parsed.getJWTClaimsSet());
        resigned.sign(new com.nimbusds.jose.crypto.RSASSASigner(other));

        assertThatThrownBy(() -> sts.assumeRoleWithWebIdentity(
                StsTestSupport.assume(SandboxAws.DEFAULT_ROLE_ARN, resigned.serialize()).build()))
                .isInstanceOf(InvalidIdentityTokenException.class);
    }

    @Test
    void unsignedAndHmacTokensAreRefused() throws Exception {
        JWTClaimsSet claims = sandboxLikeClaims(Instant.now().plusSeconds(3600));
        String none = new PlainJWT(claims).serialize();
        SignedJWT hmac = new SignedJWT(new JWSHeader(JWSAlgorithm.HS256), claims);
        hmac.sign(new MACSigner(new byte[32]));

        for (String token : List.of(none, hmac.serialize())) {
            assertThatThrownBy(() -> sts.assumeRoleWithWebIdentity(
                    StsTestSupport.assume(SandboxAws.DEFAULT_ROLE_ARN, token).build()))
                    .isInstanceOf(InvalidIdentityTokenException.class);
        }
    }

    @Test
    void tokenFromAnUnregisteredIssuerIsRefused() throws Exception {
        try (SandboxServer stranger = SandboxServer.start(SandboxOptions.defaults().withPort(0).withAutoApprove(true))) {
            String foreign = StsTestSupport.sandboxIdToken(stranger);
            assertThatThrownBy(() -> sts.assumeRoleWithWebIdentity(
                    StsTestSupport.assume(SandboxAws.DEFAULT_ROLE_ARN, foreign).build()))
                    .isInstanceOfSatisfying(InvalidIdentityTokenException.class, e ->
                            assertThat(e.awsErrorDetails().errorMessage()).isEqualTo(
                                    "No OpenIDConnect provider found in your account for " + stranger.issuerUri()));
        }
    }

    @Test
    void tokenForAnotherAudienceIsRefused() throws Exception {
        try (TestOidcIssuer issuer = TestOidcIssuer.start();
             SandboxServer sandbox = SandboxServer.start(SandboxOptions.defaults().withPort(0)
                     .withAwsOidcProvider(issuer.issuer(), List.of("expected-client"))
                     .withAwsRoles(List.of(new AwsRole(SandboxAws.DEFAULT_ROLE_ARN, issuer.issuer(),
                             "expected-client", null, Duration.ofHours(1)))));
             StsClient client = StsTestSupport.anonymousStsWithoutRetries(sandbox)) {

            assertThatThrownBy(() -> client.assumeRoleWithWebIdentity(
                    StsTestSupport.assume(SandboxAws.DEFAULT_ROLE_ARN, issuer.mint("some-other-client")).build()))
                    .isInstanceOfSatisfying(InvalidIdentityTokenException.class, e ->
                            assertThat(e.awsErrorDetails().errorMessage()).isEqualTo("Incorrect token audience"));

            // The same issuer and role with the right audience works, so only aud made the difference.
            AssumeRoleWithWebIdentityResponse ok = client.assumeRoleWithWebIdentity(
                    StsTestSupport.assume(SandboxAws.DEFAULT_ROLE_ARN, issuer.mint("expected-client")).build());
            assertThat(ok.subjectFromWebIdentityToken()).isEqualTo("test-user");
            assertThat(ok.audience()).isEqualTo("expected-client");
        }
    }

    @Test
    void ecSignedTokensVerifyAndRotatedKeysAreRefetched() throws Exception {
        try (TestOidcIssuer issuer = TestOidcIssuer.start();
             SandboxServer sandbox = SandboxServer.start(SandboxOptions.defaults().withPort(0)
                     .withAwsOidcProvider(issuer.issuer(), List.of("client"))
                     .withAwsRoles(List.of(new AwsRole(SandboxAws.DEFAULT_ROLE_ARN, issuer.issuer(),
                             "client", "test-user", Duration.ofHours(1)))));
             StsClient client = StsTestSupport.anonymousStsWithoutRetries(sandbox)) {

            // The first call caches the RSA key set; after rotation the EC key's kid is unknown.
            client.assumeRoleWithWebIdentity(StsTestSupport.assume(SandboxAws.DEFAULT_ROLE_ARN, issuer.mint("client")).build());
            issuer.rotateTo(TestOidcIssuer.newEcKey());
            AssumeRoleWithWebIdentityResponse afterRotation = client.assumeRoleWithWebIdentity(
                    StsTestSupport.assume(SandboxAws.DEFAULT_ROLE_ARN, issuer.mint("client")).build());
            assertThat(afterRotation.provider()).isEqualTo(issuer.issuer().substring("http://".length()));
        }
    }

    @Test
    void unreachableOrNonLoopbackKeysAreIdpCommunicationErrors() throws Exception {
        try (TestOidcIssuer issuer = TestOidcIssuer.start();
             SandboxServer sandbox = SandboxServer.start(SandboxOptions.defaults().withPort(0)
                     .withAwsOidcProvider(issuer.issuer(), List.of("client")));
             StsClient client = StsTestSupport.anonymousStsWithoutRetries(sandbox)) {
            issuer.pointJwksUriAt("http://example.com/jwks");
            String token = issuer.mint("client");
            assertThatThrownBy(() -> client.assumeRoleWithWebIdentity(
                    StsTestSupport.assume(SandboxAws.DEFAULT_ROLE_ARN, token).build()))
                    .isInstanceOfSatisfying(IdpCommunicationErrorException.class, e -> {
                        assertThat(e.awsErrorDetails().errorCode()).isEqualTo("IDPCommunicationError");
                        assertThat(e.statusCode()).isEqualTo(400);
                    });

            issuer.close();
            assertThatThrownBy(() -> client.assumeRoleWithWebIdentity(
                    StsTestSupport.assume(SandboxAws.DEFAULT_ROLE_ARN, token).build()))
                    .isInstanceOf(IdpCommunicationErrorException.class);
        }
    }

    @Test
    void aKeySetLargerThanAnyRealOneIsNotReadWhole() throws Exception {
        try (TestOidcIssuer issuer = TestOidcIssuer.start();
             SandboxServer sandbox = SandboxServer.start(SandboxOptions.defaults().withPort(0)
                     .withAwsOidcProvider(issuer.issuer(), List.of("client"))
                     .withAwsRoles(List.of(new AwsRole(SandboxAws.DEFAULT_ROLE_ARN, issuer.issuer(),
                             "client", null, Duration.ofHours(1)))));
             StsClient client = StsTestSupport.anonymousStsWithoutRetries(sandbox)) {
            issuer.padJwksWith(8 * 1024 * 1024);
            assertThatThrownBy(() -> client.assumeRoleWithWebIdentity(
                    StsTestSupport.assume(SandboxAws.DEFAULT_ROLE_ARN, issuer.mint("client")).build()))
                    .isInstanceOf(IdpCommunicationErrorException.class);

            issuer.padJwksWith(0);
            client.assumeRoleWithWebIdentity(StsTestSupport.assume(SandboxAws.DEFAULT_ROLE_ARN, issuer.mint("client")).build());
        }
    }

    // --- ExpiredTokenException --------------------------------------------------------------

    @Test
    void expiredIdTokenIsExpiredTokenException() throws Exception {
        MutableClock clock = MutableClock.stoppedAt(Instant.now());
        try (SandboxServer sandbox = SandboxServer.start(SandboxOptions.defaults().withPort(0).withAutoApprove(true), clock);
             StsClient client = StsTestSupport.anonymousStsWithoutRetries(sandbox)) {
            String token = StsTestSupport.sandboxIdToken(sandbox);
            clock.advance(Duration.ofHours(1).plusSeconds(1));

            assertThatThrownBy(() -> client.assumeRoleWithWebIdentity(
                    StsTestSupport.assume(SandboxAws.DEFAULT_ROLE_ARN, token).build()))
                    .isInstanceOfSatisfying(ExpiredTokenException.class, e -> {
                        assertThat(e.awsErrorDetails().errorCode()).isEqualTo("ExpiredTokenException");
                        assertThat(e.statusCode()).isEqualTo(400);
                        assertThat(e.awsErrorDetails().errorMessage()).matches(
                                "Token expired: current date/time \\d+ must be before the expiration date/time \\d+");
                    });
        }
    }

    // --- AccessDenied -----------------------------------------------------------------------

    @Test
    void roleTrustingAnotherSubjectAndUnknownRoleAreAccessDenied() throws Exception {
        for (String role : List.of(SandboxAws.OTHER_USER_ROLE_ARN, "arn:aws:iam::000000000000:role/no-such-role")) {
            String token = StsTestSupport.sandboxIdToken(server);
            assertThatThrownBy(() -> sts.assumeRoleWithWebIdentity(StsTestSupport.assume(role, token).build()))
                    .isInstanceOfSatisfying(StsException.class, e -> {
                        assertThat(e.awsErrorDetails().errorCode()).isEqualTo("AccessDenied");
                        assertThat(e.statusCode()).isEqualTo(403);
                        assertThat(e.awsErrorDetails().errorMessage())
                                .isEqualTo("Not authorized to perform sts:AssumeRoleWithWebIdentity");
                    });
        }
    }

    // --- ValidationError --------------------------------------------------------------------

    @Test
    void malformedRoleArnIsValidationError() throws Exception {
        String token = StsTestSupport.sandboxIdToken(server);
        assertValidationError(StsTestSupport.assume("arn:aws:iam::123:role/x", token).build(), "Request ARN is invalid");
        assertValidationError(StsTestSupport.assume("fedcred-sandbox", token).build(), "Request ARN is invalid");
    }

    @Test
    void badSessionNameIsValidationErrorInAwsWording() throws Exception {
        String token = StsTestSupport.sandboxIdToken(server);
        assertValidationError(StsTestSupport.assume(SandboxAws.DEFAULT_ROLE_ARN, token).roleSessionName("bad name!").build(),
                "1 validation error detected: Value 'bad name!' at 'roleSessionName' failed to satisfy constraint: "
                        + "Member must satisfy regular expression pattern: [\\w+=,.@-]*");
        assertValidationError(StsTestSupport.assume(SandboxAws.DEFAULT_ROLE_ARN, token).roleSessionName("x").build(),
                "1 validation error detected: Value 'x' at 'roleSessionName' failed to satisfy constraint: "
                        + "Member must have length greater than or equal to 2");
    }

    @Test
    void durationOutsideLimitsIsValidationError() throws Exception {
        String token = StsTestSupport.sandboxIdToken(server);
        assertValidationError(StsTestSupport.assume(SandboxAws.SHORT_ROLE_ARN, token).durationSeconds(3601).build(),
                "The requested DurationSeconds exceeds the MaxSessionDuration set for this role.");
        assertValidationError(StsTestSupport.assume(SandboxAws.DEFAULT_ROLE_ARN, token).durationSeconds(899).build(),
                "1 validation error detected: Value '899' at 'durationSeconds' failed to satisfy constraint: "
                        + "Member must have value greater than or equal to 900");
        assertValidationError(StsTestSupport.assume(SandboxAws.DEFAULT_ROLE_ARN, token).durationSeconds(43_201).build(),
                "1 validation error detected: Value '43201' at 'durationSeconds' failed to satisfy constraint: "
                        + "Member must have value less than or equal to 43200");
    }

    private static void assertValidationError(
            software.amazon.awssdk.services.sts.model.AssumeRoleWithWebIdentityRequest request, String message) {
        assertThatThrownBy(() -> sts.assumeRoleWithWebIdentity(request))
                .isInstanceOfSatisfying(StsException.class, e -> {
                    assertThat(e.awsErrorDetails().errorCode()).isEqualTo("ValidationError");
                    assertThat(e.statusCode()).isEqualTo(400);
                    assertThat(e.awsErrorDetails().errorMessage()).isEqualTo(message);
                });
    }

    private static JWTClaimsSet sandboxLikeClaims(Instant expiry) {
        return new JWTClaimsSet.Builder()
                .issuer(server.issuerUri().toString())
                .subject(SandboxUser.SUBJECT)
                .audience(SandboxClient.CLIENT_ID)
                .issueTime(new Date())
                .expirationTime(Date.from(expiry))
                .build();
    }
}
