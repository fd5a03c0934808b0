package dev.fedcred.sandbox;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import dev.fedcred.testing.MutableClock;
import java.time.Duration;
import java.time.Instant;
import org.junit.jupiter.api.Test;
import software.amazon.awssdk.services.sts.StsClient;
import software.amazon.awssdk.services.sts.model.Credentials;
import software.amazon.awssdk.services.sts.model.StsException;

/**
 * GetCallerIdentity signed by the real SDK's SigV4 signer: what the emulator's own SigV4
 * verification accepts and refuses.
 */
class AwsStsGetCallerIdentityTest {

    private static Credentials assumeDefaultRole(SandboxServer server) throws Exception {
        try (StsClient sts = StsTestSupport.anonymousStsWithoutRetries(server)) {
            return sts.assumeRoleWithWebIdentity(StsTestSupport.assume(SandboxAws.SHORT_ROLE_ARN,
                    StsTestSupport.sandboxIdToken(server)).build()).credentials();
        }
    }

    private static void assertStsError(StsClient client, String code, int status, String messageStart) {
        assertThatThrownBy(client::getCallerIdentity)
                .isInstanceOfSatisfying(StsException.class, e -> {
                    assertThat(e.awsErrorDetails().errorCode()).isEqualTo(code);
                    assertThat(e.statusCode()).isEqualTo(status);
                    assertThat(e.awsErrorDetails().errorMessage()).startsWith(messageStart);
                });
    }

    @Test
    void tamperedSecretIsSignatureDoesNotMatch() throws Exception {
        try (SandboxServer server = SandboxServer.start(SandboxOptions.defaults().withPort(0).withAutoApprove(true))) {
            Credentials issued = assumeDefaultRole(server);
            String secret = issued.secretAccessKey();
            String tampered = (secret.charAt(0) == 'A' ? "B" : "A") + secret.substring(1);
            try (StsClient client = StsTestSupport.signedSts(server, issued.accessKeyId(), tampered, issued.sessionToken())) {
                assertStsError(client, "SignatureDoesNotMatch", 403, "The request signature we calculated does not match");
            }
        }
    }

    @Test
    void keyTheSandboxNeverIssuedIsInvalidClientTokenId() throws Exception {
        try (SandboxServer server = SandboxServer.start(SandboxOptions.defaults().withPort(0).withAutoApprove(true))) {
            Credentials issued = assumeDefaultRole(server);
            try (StsClient unknownKey = StsTestSupport.signedSts(server, "ASIAFAKEFAKEFAKEFAKE",
                    issued.secretAccessKey(), issued.sessionToken());
                 StsClient wrongToken = StsTestSupport.signedSts(server, issued.accessKeyId(),
                         issued.secretAccessKey(), "not-the-session-token")) {
                assertStsError(unknownKey, "InvalidClientTokenId", 403, "The security token included in the request is invalid");
                assertStsError(wrongToken, "InvalidClientTokenId", 403, "The security token included in the request is invalid");
            }
        }
    }

    @Test
    void unsignedRequestIsRefused() throws Exception {
        try (SandboxServer server = SandboxServer.start(SandboxOptions.defaults().withPort(0));
             StsClient anonymous = StsTestSupport.anonymousStsWithoutRetries(server)) {
            assertStsError(anonymous, "MissingAuthenticationToken", 403, "Request is missing Authentication Token");
        }
    }

    @Test
    void expiredCredentialsAreExpiredToken() throws Exception {
        MutableClock clock = MutableClock.stoppedAt(Instant.now());
        try (SandboxServer server = SandboxServer.start(SandboxOptions.defaults().withPort(0).withAutoApprove(true), clock)) {
            Credentials issued = assumeDefaultRole(server);
            clock.advance(Duration.ofHours(1));
            try (StsClient client = StsTestSupport.signedSts(server, issued)) {
                assertStsError(client, "ExpiredToken", 403, "The security token included in the request is expired");
            }
        }
    }

    @Test
    void requestSignedMoreThanFifteenMinutesAgoIsSignatureExpired() throws Exception {
        // The server's clock runs 16 minutes ahead of the SDK's, as if the request had been replayed.
        MutableClock clock = MutableClock.stoppedAt(Instant.now());
        try (SandboxServer server = SandboxServer.start(SandboxOptions.defaults().withPort(0).withAutoApprove(true), clock)) {
            Credentials issued = assumeDefaultRole(server);
            clock.advance(Duration.ofMinutes(16));
            try (StsClient client = StsTestSupport.signedSts(server, issued)) {
                assertStsError(client, "SignatureDoesNotMatch", 403, "Signature expired: ");
            }
        }
    }

    @Test
    void signatureVerifiesForAnyRegionAndForTheSlashEndpoint() throws Exception {
        try (SandboxServer server = SandboxServer.start(SandboxOptions.defaults().withPort(0).withAutoApprove(true))) {
            Credentials issued = assumeDefaultRole(server);
            try (StsClient client = StsClient.builder()
                    .endpointOverride(java.net.URI.create(server.endpoints().get("aws-sts") + "/"))
                    .region(software.amazon.awssdk.regions.Region.EU_CENTRAL_1)
                    .credentialsProvider(software.amazon.awssdk.auth.credentials.StaticCredentialsProvider.create(
                            software.amazon.awssdk.auth.credentials.AwsSessionCredentials.create(
                                    issued.accessKeyId(), issued.secretAccessKey(), issued.sessionToken())))
                    .httpClientBuilder(software.amazon.awssdk.http.urlconnection.UrlConnectionHttpClient.builder())
                    .build()) {
                assertThat(client.getCallerIdentity().arn())
                        .isEqualTo("arn:aws:sts::000000000000:assumed-role/fedcred-sandbox-short/fedcred-test");
            }
        }
    }

    /**
     * Query-string signing (a presigned URL, as {@code aws eks get-token} makes) by the real SDK's
     * signer: answered in XML, or in JSON for a client that accepts JSON (as aws-iam-authenticator
     * asks); a tampered signature is SignatureDoesNotMatch.
     */
    @Test
    void aPresignedGetCallerIdentityUrlIsAnswered() throws Exception {
        try (SandboxServer server = SandboxServer.start(SandboxOptions.defaults().withPort(0).withAutoApprove(true))) {
            Credentials issued = assumeDefaultRole(server);
            String token = dev.fedcred.testing.SandboxKubeTokens.eksToken(server.endpoints().get("aws-sts"), issued,
                    "some-cluster", java.time.Clock.systemUTC());
            java.net.URI url = dev.fedcred.testing.SandboxKubeTokens.presignedUrl(token);
            java.net.http.HttpClient http = java.net.http.HttpClient.newHttpClient();
            java.net.http.HttpResponse<String> xml = http.send(java.net.http.HttpRequest.newBuilder(url)
                    .header("x-k8s-aws-id", "some-cluster").GET().build(), java.net.http.HttpResponse.BodyHandlers.ofString());
            assertThat(xml.statusCode()).as(xml.body()).isEqualTo(200);
            assertThat(xml.body()).contains("<Arn>arn:aws:sts::000000000000:assumed-role/fedcred-sandbox-short/");
            java.net.http.HttpResponse<String> json = http.send(java.net.http.HttpRequest.newBuilder(url)
                    .header("x-k8s-aws-id", "some-cluster").header("Accept", "application/json").GET().build(),
                    java.net.http.HttpResponse.BodyHandlers.ofString());
            assertThat(json.statusCode()).isEqualTo(200);
            assertThat(new com.fasterxml.jackson.databind.ObjectMapper().readTree(json.body())
                    .at("/GetCallerIdentityResponse/GetCallerIdentityResult/Account").asText()).isEqualTo("000000000000");
            java.net.http.HttpResponse<String> otherHeader = http.send(java.net.http.HttpRequest.newBuilder(url)
                    .header("x-k8s-aws-id", "another-cluster").GET().build(), java.net.http.HttpResponse.BodyHandlers.ofString());
            assertThat(otherHeader.statusCode()).isEqualTo(403);
            assertThat(otherHeader.body()).contains("<Code>SignatureDoesNotMatch</Code>");
        }
    }
}
