package dev.fedcred.core.gcp;

import dev.fedcred.core.CredentialsException;
import static dev.fedcred.core.CredentialsException.Remedy.*;
import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import com.fasterxml.jackson.databind.JsonNode;
import com.google.api.client.http.GenericUrl;
import com.google.api.client.http.HttpRequest;
import com.google.auth.oauth2.AccessToken;
import com.google.auth.oauth2.GoogleCredentials;
import dev.fedcred.core.Json;
import dev.fedcred.core.oidc.TokenSet;
import dev.fedcred.sandbox.GcpProvider;
import dev.fedcred.sandbox.SandboxGcp;
import dev.fedcred.sandbox.SandboxOptions;
import dev.fedcred.sandbox.SandboxServer;
import dev.fedcred.testing.SandboxSignIn;
import java.io.ByteArrayInputStream;
import java.net.InetAddress;
import java.net.ServerSocket;
import java.net.URI;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.util.List;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** The workload identity exchange through the real google-auth-library against the sandbox's GCP emulator. */
class WorkloadIdentityExchangerTest {
    private static final String MISMATCHED_PROVIDER = "other-client-provider";

    @TempDir
    static Path dir;

    private static SandboxServer sandbox;
    private static TokenSet tokens;
    private static final GcpHttpTransports transports = new GcpHttpTransports();
    private static final WorkloadIdentityExchanger exchanger = new WorkloadIdentityExchanger(transports, Clock.systemUTC());

    @BeforeAll
    static void signIn() throws Exception {
        sandbox = SandboxServer.start(SandboxOptions.defaults().withPort(0).withAutoApprove(true)
                .withDataDir(dir.resolve("sandbox")));
        tokens = SandboxSignIn.signIn(sandbox);
    }

    @AfterAll
    static void stop() {
        sandbox.close();
    }

    private static GcpWorkloadTarget target(SandboxServer server, String provider, String serviceAccount, Path caFile) {
        return new GcpWorkloadTarget("sandbox-gcp", SandboxGcp.PROJECT_NUMBER, SandboxGcp.POOL_ID, provider,
                serviceAccount, List.of(), Duration.ofHours(1), null, "sandbox",
                URI.create(server.endpoints().get("gcp-sts")), URI.create(server.endpoints().get("gcp-iamcredentials")),
                caFile);
    }

    private static GcpWorkloadTarget target(String serviceAccount) {
        return target(sandbox, SandboxGcp.PROVIDER_ID, serviceAccount, sandbox.gcpCaFile());
    }

    private static void assertFails(GcpWorkloadTarget target, TokenSet token, CredentialsException.Remedy remedy,
                                    String code, String... messageParts) {
        assertThatThrownBy(() -> exchanger.exchange(target, token))
                .isInstanceOfSatisfying(CredentialsException.class, e -> {
                    assertThat(e.remedy()).isEqualTo(remedy);
                    assertThat(e.errorCode()).isEqualTo(code);
                    assertThat(e.getMessage()).contains(messageParts).doesNotContain(token.rawIdToken());
                });
    }

    private static JsonNode whoami(String accessToken) throws Exception {
        HttpRequest request = transports.forExchange(sandbox.gcpCaFile()).create().createRequestFactory()
                .buildGetRequest(new GenericUrl(sandbox.endpoints().get("gcp-whoami")));
        request.getHeaders().setAuthorization("Bearer " + accessToken);
        return Json.MAPPER.readTree(request.execute().parseAsString());
    }

    @Test
    void impersonatesTheBoundServiceAccount() throws Exception {
        GcpAccessToken token = exchanger.exchange(target(SandboxGcp.SERVICE_ACCOUNT), tokens);
        assertThat(token.accessToken()).isNotBlank();
        assertThat(token.serviceAccount()).isEqualTo(SandboxGcp.SERVICE_ACCOUNT);
        assertThat(token.principal()).isEqualTo(SandboxGcp.SERVICE_ACCOUNT);
        assertThat(token.expiresAt()).isBetween(Instant.now().plusSeconds(3500), Instant.now().plusSeconds(3700));
        assertThat(token.toString()).doesNotContain(token.accessToken());
        assertThat(whoami(token.accessToken()).toString()).contains(SandboxGcp.SERVICE_ACCOUNT);
    }

    @Test
    void withoutAServiceAccountTheFederatedTokenIsThePoolsPrincipal() throws Exception {
        GcpAccessToken token = exchanger.exchange(target(null), tokens);
        String principal = SandboxGcp.principal(SandboxGcp.PROJECT_NUMBER, SandboxGcp.POOL_ID, tokens.subject());
        assertThat(token.serviceAccount()).isNull();
        assertThat(token.principal()).isEqualTo(principal);
        assertThat(whoami(token.accessToken()).toString()).contains(principal);
    }

    @Test
    void theAdcFileFedcredWritesWorksInGooglesLibrary() throws Exception {
        Path idTokenFile = dir.resolve("sandbox.id-token");
        Files.writeString(idTokenFile, tokens.rawIdToken());
        byte[] adc = Json.MAPPER.writeValueAsBytes(ExternalAccountAdc.build(target(SandboxGcp.SERVICE_ACCOUNT), idTokenFile));
        GoogleCredentials credentials = GoogleCredentials.fromStream(new ByteArrayInputStream(adc),
                transports.forExchange(sandbox.gcpCaFile()));
        AccessToken token = credentials.createScoped(List.of(GcpWorkloadTarget.CLOUD_PLATFORM_SCOPE)).refreshAccessToken();
        assertThat(whoami(token.getTokenValue()).toString()).contains(SandboxGcp.SERVICE_ACCOUNT);
    }

    @Test
    void aServiceAccountWithoutTheBindingPrintsTheMissingBinding() {
        assertFails(target(SandboxGcp.DENIED_SERVICE_ACCOUNT), tokens, GRANT_ACCESS, "PERMISSION_DENIED",
                "gcloud iam service-accounts add-iam-policy-binding " + SandboxGcp.DENIED_SERVICE_ACCOUNT
                        + " --role roles/iam.workloadIdentityUser --member "
                        + SandboxGcp.principal(SandboxGcp.PROJECT_NUMBER, SandboxGcp.POOL_ID, tokens.subject()));
    }

    @Test
    void aTokenFromAnotherIssuerIsInvalidGrantWithItsIss() throws Exception {
        try (SandboxServer stranger = SandboxServer.start(SandboxOptions.defaults().withPort(0).withAutoApprove(true))) {
            TokenSet foreign = SandboxSignIn.signIn(stranger);
            assertFails(target(SandboxGcp.SERVICE_ACCOUNT), foreign, FIX_CLOUD_SETUP, "invalid_grant",
                    "iss=" + stranger.issuerUri(), "does not match the expected ISSUER");
        }
    }

    @Test
    void aProviderThatDoesNotAllowTheAudienceShowsBoth() throws Exception {
        GcpProvider mismatched = new GcpProvider(SandboxGcp.PROJECT_NUMBER, SandboxGcp.POOL_ID, MISMATCHED_PROVIDER,
                sandbox.issuerUri().toString(), List.of("123-other.apps.googleusercontent.com"));
        try (SandboxServer google = SandboxServer.start(SandboxOptions.defaults().withPort(0)
                .withDataDir(dir.resolve("other")).withGcpProviders(List.of(mismatched)))) {
            assertFails(target(google, MISMATCHED_PROVIDER, null, google.gcpCaFile()), tokens, FIX_CLOUD_SETUP, "invalid_grant",
                    "aud=" + tokens.audience(), "123-other.apps.googleusercontent.com",
                    "Google ID tokens carry the OAuth client ID", "--allowed-audiences=" + tokens.audience());
        }
    }

    @Test
    void anUnknownProviderIsATargetToFix() {
        assertFails(target(sandbox, "no-such-provider", null, sandbox.gcpCaFile()), tokens, FIX_TARGET, "invalid_target",
                "project number, pool and provider");
    }

    @Test
    void anUntrustedCertificateIsANetworkFailureThatSaysSo() {
        assertFails(target(sandbox, SandboxGcp.PROVIDER_ID, null, null), tokens, CHECK_NETWORK, null, "not trusted");
    }

    @Test
    void nothingListeningIsANetworkFailure() throws Exception {
        int closedPort;
        try (ServerSocket socket = new ServerSocket(0, 1, InetAddress.getByName("127.0.0.1"))) {
            closedPort = socket.getLocalPort();
        }
        GcpWorkloadTarget target = GcpTestTargets.withStsEndpoint(target(null),
                URI.create("https://127.0.0.1:" + closedPort + "/v1/token"), URI.create("https://127.0.0.1:" + closedPort + "/v1/"));
        assertFails(target, tokens, CHECK_NETWORK, null, "Cannot reach https://127.0.0.1:" + closedPort, "fedcred sandbox");
    }
}
