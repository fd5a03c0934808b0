package dev.fedcred.sandbox;

import static dev.fedcred.sandbox.GcpTestSupport.CLOUD_PLATFORM;
import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;
import static org.assertj.core.api.Assertions.within;

import com.fasterxml.jackson.databind.JsonNode;
import com.google.api.client.http.HttpResponseException;
import com.google.auth.oauth2.AccessToken;
import com.google.auth.oauth2.ExternalAccountCredentials;
import com.google.auth.oauth2.GoogleCredentials;
import com.google.auth.oauth2.IdentityPoolCredentials;
import java.io.FileInputStream;
import java.io.IOException;
import java.io.InputStream;
import java.net.http.HttpResponse;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Instant;
import java.time.temporal.ChronoUnit;
import java.util.Date;
import java.util.List;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * The real google-auth-library-oauth2-http (1.57.0) against the GCP emulator: an ID token from
 * the sandbox's own sign-in becomes a federated token at gcp-sts and, with impersonation, a
 * service account token at gcp-iamcredentials. The library is configured as a user would: an
 * external_account file, and a transport that trusts gcp-ca.pem.
 */
class GcpGoogleAuthLibraryTest {

    @TempDir
    Path dir;

    private SandboxServer server;

    @BeforeEach
    void start() throws Exception {
        server = SandboxServer.start(SandboxOptions.defaults().withPort(0).withAutoApprove(true)
                .withDataDir(dir.resolve("data")));
    }

    @AfterEach
    void stop() {
        server.close();
    }

    private Path sandboxIdTokenFile() throws Exception {
        Path file = dir.resolve("id-token");
        Files.writeString(file, StsTestSupport.sandboxIdToken(server));
        return file;
    }

    private GoogleCredentials fromConfig(Path config) throws Exception {
        try (InputStream in = new FileInputStream(config.toFile())) {
            return GoogleCredentials.fromStream(in, GcpTestSupport.transportTrusting(server));
        }
    }

    @Test
    void externalAccountFileWithImpersonationYieldsAServiceAccountToken() throws Exception {
        Path config = GcpTestSupport.writeExternalAccountConfig(dir, SandboxGcp.PROVIDER_AUDIENCE,
                server.endpoints().get("gcp-sts"), GcpTestSupport.impersonationUrl(server, SandboxGcp.SERVICE_ACCOUNT),
                sandboxIdTokenFile());
        GoogleCredentials credentials = fromConfig(config);
        assertThat(credentials).isInstanceOf(IdentityPoolCredentials.class);

        AccessToken token = credentials.createScoped(List.of(CLOUD_PLATFORM)).refreshAccessToken();

        assertThat(token.getTokenValue()).startsWith("ya29.c.sandbox.");
        assertThat(token.getExpirationTime().toInstant())
                .isCloseTo(Instant.now().plusSeconds(3600), within(60, ChronoUnit.SECONDS));
        HttpResponse<String> whoami = GcpTestSupport.whoami(server, token.getTokenValue());
        assertThat(whoami.statusCode()).isEqualTo(200);
        JsonNode who = GcpTestSupport.json(whoami);
        assertThat(who.get("type").asText()).isEqualTo("service_account");
        assertThat(who.get("email").asText()).isEqualTo(SandboxGcp.SERVICE_ACCOUNT);
        assertThat(who.get("scopes").get(0).asText()).isEqualTo(CLOUD_PLATFORM);
    }

    @Test
    void builderWithoutImpersonationYieldsTheFederatedToken() throws Exception {
        String idToken = StsTestSupport.sandboxIdToken(server);
        IdentityPoolCredentials credentials = IdentityPoolCredentials.newBuilder()
                .setHttpTransportFactory(GcpTestSupport.transportTrusting(server))
                .setAudience(SandboxGcp.PROVIDER_AUDIENCE)
                .setSubjectTokenType(ExternalAccountCredentials.SubjectTokenTypes.JWT)
                .setTokenUrl(server.endpoints().get("gcp-sts"))
                .setSubjectTokenSupplier(context -> idToken)
                .setScopes(List.of(CLOUD_PLATFORM))
                .build();

        AccessToken token = credentials.refreshAccessToken();

        assertThat(token.getTokenValue()).startsWith("ya29.d.sandbox.");
        // The library computes the expiry from expires_in.
        assertThat(token.getExpirationTime().toInstant())
                .isCloseTo(Instant.now().plusSeconds(3600), within(60, ChronoUnit.SECONDS));
        JsonNode who = GcpTestSupport.json(GcpTestSupport.whoami(server, token.getTokenValue()));
        assertThat(who.get("type").asText()).isEqualTo("federated");
        assertThat(who.get("principal").asText()).isEqualTo("principal://iam.googleapis.com/projects/000000000000"
                + "/locations/global/workloadIdentityPools/fedcred-sandbox-pool/subject/" + SandboxUser.SUBJECT);
    }

    @Test
    void theUnboundServiceAccountIsPermissionDenied() throws Exception {
        Path config = GcpTestSupport.writeExternalAccountConfig(dir, SandboxGcp.PROVIDER_AUDIENCE,
                server.endpoints().get("gcp-sts"),
                GcpTestSupport.impersonationUrl(server, SandboxGcp.DENIED_SERVICE_ACCOUNT), sandboxIdTokenFile());
        GoogleCredentials credentials = fromConfig(config).createScoped(List.of(CLOUD_PLATFORM));

        assertThatThrownBy(credentials::refreshAccessToken)
                .isInstanceOf(IOException.class)
                .hasMessageContaining("Error requesting access token")
                .cause().isInstanceOfSatisfying(HttpResponseException.class, e -> {
                    assertThat(e.getStatusCode()).isEqualTo(403);
                    assertThat(e.getContent())
                            .contains("\"status\":\"PERMISSION_DENIED\"")
                            .contains("Permission 'iam.serviceAccounts.getAccessToken' denied on resource (or it may not exist).")
                            .contains("IAM_PERMISSION_DENIED");
                });
    }

    @Test
    void anUnknownServiceAccountIsAnsweredExactlyLikeAnUnboundOne() throws Exception {
        Path config = GcpTestSupport.writeExternalAccountConfig(dir, SandboxGcp.PROVIDER_AUDIENCE,
                server.endpoints().get("gcp-sts"),
                GcpTestSupport.impersonationUrl(server, "nobody-here@fedcred-sandbox.iam.gserviceaccount.com"),
                sandboxIdTokenFile());
        GoogleCredentials credentials = fromConfig(config).createScoped(List.of(CLOUD_PLATFORM));

        assertThatThrownBy(credentials::refreshAccessToken).cause()
                .isInstanceOfSatisfying(HttpResponseException.class, e -> {
                    assertThat(e.getStatusCode()).isEqualTo(403);
                    assertThat(e.getContent()).contains("PERMISSION_DENIED");
                });
    }

    @Test
    void aTokenForAnotherAudienceIsInvalidGrantNamingBothAudiences() throws Exception {
        try (TestOidcIssuer issuer = TestOidcIssuer.start()) {
            restartWithProvider(new GcpProvider("123456789000", "test-pool", "test-provider", issuer.issuer(),
                    List.of("the-right-client")));
            IdentityPoolCredentials credentials = federated(audienceOf("123456789000", "test-pool", "test-provider"),
                    issuer.mint("some-other-client"));

            assertThatThrownBy(credentials::refreshAccessToken)
                    .isInstanceOf(IOException.class)
                    .hasMessageContaining("invalid_grant")
                    .hasMessageContaining("The audience in ID Token [some-other-client] does not match the expected "
                            + "audience the-right-client");
        }
    }

    @Test
    void anEmptyAudienceListAcceptsTheProvidersResourceNameAsGoogleDoes() throws Exception {
        try (TestOidcIssuer issuer = TestOidcIssuer.start()) {
            restartWithProvider(new GcpProvider("123456789000", "test-pool", "test-provider", issuer.issuer(), List.of()));
            String audience = audienceOf("123456789000", "test-pool", "test-provider");

            AccessToken token = federated(audience, issuer.mint("https:" + audience)).refreshAccessToken();
            assertThat(token.getTokenValue()).startsWith("ya29.d.sandbox.");

            assertThatThrownBy(() -> federated(audience, issuer.mint("the-oauth-client-id")).refreshAccessToken())
                    .hasMessageContaining("invalid_grant")
                    .hasMessageContaining("https://iam.googleapis.com/projects/123456789000/locations/global/"
                            + "workloadIdentityPools/test-pool/providers/test-provider");
        }
    }

    @Test
    void aGoogleSubjectOver127BytesIsRefused() throws Exception {
        try (TestOidcIssuer issuer = TestOidcIssuer.start()) {
            restartWithProvider(new GcpProvider("123456789000", "test-pool", "test-provider", issuer.issuer(),
                    List.of("client")));
            String audience = audienceOf("123456789000", "test-pool", "test-provider");

            String exactly127 = "s".repeat(127);
            assertThat(federated(audience, issuer.mint(issuer.claims("client").subject(exactly127).build()))
                    .refreshAccessToken().getTokenValue()).startsWith("ya29.d.");

            // 64 characters but 128 bytes: the limit is on the UTF-8 encoding.
            String twoByteCharacters = "é".repeat(64);
            assertThatThrownBy(() -> federated(audience, issuer.mint(issuer.claims("client").subject(twoByteCharacters)
                    .build())).refreshAccessToken())
                    .hasMessageContaining("invalid_grant")
                    .hasMessageContaining("The size of mapped attribute google.subject exceeds the 127 bytes limit");
        }
    }

    @Test
    void anExpiredIdTokenIsInvalidGrant() throws Exception {
        try (TestOidcIssuer issuer = TestOidcIssuer.start()) {
            restartWithProvider(new GcpProvider("123456789000", "test-pool", "test-provider", issuer.issuer(),
                    List.of("client")));
            Instant past = Instant.now().minusSeconds(7200);
            String expired = issuer.mint(issuer.claims("client")
                    .issueTime(Date.from(past)).expirationTime(Date.from(past.plusSeconds(3600))).build());

            assertThatThrownBy(() -> federated(audienceOf("123456789000", "test-pool", "test-provider"), expired)
                    .refreshAccessToken())
                    .hasMessageContaining("invalid_grant")
                    .hasMessageContaining("The ID Token has expired");
        }
    }

    @Test
    void aTokenFromAnotherIssuerIsInvalidGrant() throws Exception {
        try (TestOidcIssuer issuer = TestOidcIssuer.start()) {
            // The default provider trusts only the sandbox's own issuer.
            assertThatThrownBy(() -> federated(SandboxGcp.PROVIDER_AUDIENCE, issuer.mint(SandboxClient.CLIENT_ID))
                    .refreshAccessToken())
                    .hasMessageContaining("invalid_grant")
                    .hasMessageContaining("The issuer in ID Token " + issuer.issuer());
        }
    }

    @Test
    void anUnknownProviderIsInvalidTarget() throws Exception {
        String unknown = SandboxGcp.PROVIDER_AUDIENCE.replace("fedcred-sandbox-provider", "no-such-provider");

        assertThatThrownBy(() -> federated(unknown, StsTestSupport.sandboxIdToken(server)).refreshAccessToken())
                .isInstanceOf(IOException.class)
                .hasMessageContaining("invalid_target")
                .hasMessageContaining("The target service indicated by the \"audience\" parameters is invalid");
    }

    /**
     * google-auth-library 1.57.0 checks only that token_url and service_account_impersonation_url
     * parse as URLs with a host and the https scheme (ExternalAccountCredentials.isValidUrl); it
     * throws while the credentials are built, before any request is made.
     */
    @Test
    void theLibraryRefusesPlainHttpUrlsBeforeSendingAnything() throws Exception {
        String httpSts = server.endpoints().get("gcp-sts").replace("https://", "http://");
        Path tokenFile = sandboxIdTokenFile();
        Path plainTokenUrl = GcpTestSupport.writeExternalAccountConfig(dir, SandboxGcp.PROVIDER_AUDIENCE, httpSts,
                null, tokenFile);
        assertThatThrownBy(() -> fromConfig(plainTokenUrl))
                .isInstanceOf(IllegalArgumentException.class)
                .hasMessage("The provided token URL is invalid.");

        String httpImpersonation = GcpTestSupport.impersonationUrl(server, SandboxGcp.SERVICE_ACCOUNT)
                .replace("https://", "http://");
        Path plainImpersonation = GcpTestSupport.writeExternalAccountConfig(dir, SandboxGcp.PROVIDER_AUDIENCE,
                server.endpoints().get("gcp-sts"), httpImpersonation, tokenFile);
        assertThatThrownBy(() -> fromConfig(plainImpersonation))
                .isInstanceOf(IllegalArgumentException.class)
                .hasMessage("The provided service account impersonation URL is invalid.");
    }

    /** Any host passes that check in 1.57.0: the host-pattern check (*.googleapis.com) was removed in 2023. */
    @Test
    void theLibraryNoLongerRestrictsTheHost() throws Exception {
        assertThat(IdentityPoolCredentials.newBuilder()
                .setAudience(SandboxGcp.PROVIDER_AUDIENCE)
                .setSubjectTokenType(ExternalAccountCredentials.SubjectTokenTypes.JWT)
                .setTokenUrl("https://sts.example.invalid/v1/token")
                .setServiceAccountImpersonationUrl("https://example.invalid/v1/projects/-/serviceAccounts/"
                        + SandboxGcp.SERVICE_ACCOUNT + ":generateAccessToken")
                .setSubjectTokenSupplier(context -> "unused")
                .build().getTokenUrl()).isEqualTo("https://sts.example.invalid/v1/token");
    }

    private IdentityPoolCredentials federated(String audience, String idToken) throws Exception {
        return IdentityPoolCredentials.newBuilder()
                .setHttpTransportFactory(GcpTestSupport.transportTrusting(server))
                .setAudience(audience)
                .setSubjectTokenType(ExternalAccountCredentials.SubjectTokenTypes.JWT)
                .setTokenUrl(server.endpoints().get("gcp-sts"))
                .setSubjectTokenSupplier(context -> idToken)
                .build();
    }

    private void restartWithProvider(GcpProvider provider) throws Exception {
        server.close();
        server = SandboxServer.start(SandboxOptions.defaults().withPort(0).withAutoApprove(true)
                .withDataDir(dir.resolve("data")).withGcpProviders(List.of(provider)));
    }

    private static String audienceOf(String projectNumber, String pool, String provider) {
        return "//iam.googleapis.com/projects/" + projectNumber + "/locations/global/workloadIdentityPools/" + pool
                + "/providers/" + provider;
    }
}
