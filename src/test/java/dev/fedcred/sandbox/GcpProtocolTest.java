package dev.fedcred.sandbox;

import static dev.fedcred.sandbox.GcpTestSupport.CLOUD_PLATFORM;
import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import dev.fedcred.testing.MutableClock;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.file.Path;
import java.time.Duration;
import java.time.Instant;
import java.util.LinkedHashMap;
import java.util.Map;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * The GCP emulator's wire protocol where the client library does not go: JSON request bodies,
 * the exact success and error shapes, and the bearer checks. Plain java.net.http, trusting only
 * the sandbox's CA.
 */
class GcpProtocolTest {

    @TempDir
    static Path dir;

    private static final ObjectMapper JSON = new ObjectMapper();
    private static final MutableClock CLOCK = MutableClock.stoppedAt(Instant.now());
    private static SandboxServer server;
    private static HttpClient https;

    @BeforeAll
    static void start() throws Exception {
        server = SandboxServer.start(SandboxOptions.defaults().withPort(0).withAutoApprove(true).withDataDir(dir), CLOCK);
        https = GcpTestSupport.httpClientTrusting(server);
    }

    @AfterAll
    static void stop() {
        server.close();
    }

    private static Map<String, String> exchangeRequest(String idToken) {
        Map<String, String> form = new LinkedHashMap<>();
        form.put("grant_type", "urn:ietf:params:oauth:grant-type:token-exchange");
        form.put("audience", SandboxGcp.PROVIDER_AUDIENCE);
        form.put("scope", CLOUD_PLATFORM);
        form.put("requested_token_type", "urn:ietf:params:oauth:token-type:access_token");
        form.put("subject_token_type", "urn:ietf:params:oauth:token-type:id_token");
        form.put("subject_token", idToken);
        return form;
    }

    private static HttpResponse<String> postForm(String url, Map<String, String> form) throws Exception {
        return https.send(HttpRequest.newBuilder(URI.create(url))
                .header("Content-Type", "application/x-www-form-urlencoded")
                .POST(HttpRequest.BodyPublishers.ofString(SandboxHttp.form(form))).build(),
                HttpResponse.BodyHandlers.ofString());
    }

    private static HttpResponse<String> postJson(String url, Object body, String bearer) throws Exception {
        HttpRequest.Builder request = HttpRequest.newBuilder(URI.create(url))
                .header("Content-Type", "application/json")
                .POST(HttpRequest.BodyPublishers.ofString(JSON.writeValueAsString(body)));
        if (bearer != null) {
            request.header("Authorization", "Bearer " + bearer);
        }
        return https.send(request.build(), HttpResponse.BodyHandlers.ofString());
    }

    private static String federatedToken() throws Exception {
        HttpResponse<String> response = postForm(server.endpoints().get("gcp-sts"),
                exchangeRequest(StsTestSupport.sandboxIdToken(server)));
        assertThat(response.statusCode()).as(response.body()).isEqualTo(200);
        return JSON.readTree(response.body()).get("access_token").asText();
    }

    private static String generateUrl(String email) {
        return GcpTestSupport.impersonationUrl(server, email);
    }

    @Test
    void stsAnswersAFormExchangeWithGooglesFields() throws Exception {
        HttpResponse<String> response = postForm(server.endpoints().get("gcp-sts"),
                exchangeRequest(StsTestSupport.sandboxIdToken(server)));

        assertThat(response.statusCode()).isEqualTo(200);
        assertThat(response.headers().firstValue("Cache-Control")).hasValue("no-store");
        JsonNode body = JSON.readTree(response.body());
        assertThat(body.fieldNames()).toIterable()
                .containsExactly("access_token", "issued_token_type", "token_type", "expires_in");
        assertThat(body.get("issued_token_type").asText()).isEqualTo("urn:ietf:params:oauth:token-type:access_token");
        assertThat(body.get("token_type").asText()).isEqualTo("Bearer");
        assertThat(body.get("expires_in").asInt()).isEqualTo(3600);
    }

    @Test
    void stsAcceptsAJsonBodyInEitherSpelling() throws Exception {
        String idToken = StsTestSupport.sandboxIdToken(server);
        Map<String, String> camel = new LinkedHashMap<>();
        camel.put("grantType", "urn:ietf:params:oauth:grant-type:token-exchange");
        camel.put("audience", SandboxGcp.PROVIDER_AUDIENCE);
        camel.put("requestedTokenType", "urn:ietf:params:oauth:token-type:access_token");
        camel.put("subjectTokenType", "urn:ietf:params:oauth:token-type:jwt");
        camel.put("subjectToken", idToken);
        HttpResponse<String> camelResponse = postJson(server.endpoints().get("gcp-sts"), camel, null);
        assertThat(camelResponse.statusCode()).as(camelResponse.body()).isEqualTo(200);

        HttpResponse<String> snakeResponse = postJson(server.endpoints().get("gcp-sts"), exchangeRequest(idToken), null);
        assertThat(snakeResponse.statusCode()).as(snakeResponse.body()).isEqualTo(200);
    }

    @Test
    void stsRejectsAnAudienceThatIsNotAProviderName() throws Exception {
        Map<String, String> form = exchangeRequest(StsTestSupport.sandboxIdToken(server));
        form.put("audience", "projects/000000000000/locations/global/workloadIdentityPools/fedcred-sandbox-pool");

        HttpResponse<String> response = postForm(server.endpoints().get("gcp-sts"), form);

        assertThat(response.statusCode()).isEqualTo(400);
        JsonNode body = JSON.readTree(response.body());
        assertThat(body.get("error").asText()).isEqualTo("invalid_request");
        assertThat(body.get("error_description").asText()).startsWith("Invalid value for \"audience\".");
    }

    @Test
    void stsRejectsAGarbledSubjectToken() throws Exception {
        Map<String, String> form = exchangeRequest("not-a-jwt");

        HttpResponse<String> response = postForm(server.endpoints().get("gcp-sts"), form);

        assertThat(response.statusCode()).isEqualTo(400);
        assertThat(JSON.readTree(response.body()).get("error").asText()).isEqualTo("invalid_grant");
    }

    @Test
    void stsRejectsAnExpiredSandboxIdToken() throws Exception {
        String idToken = StsTestSupport.sandboxIdToken(server);
        CLOCK.advance(Duration.ofHours(2));
        try {
            HttpResponse<String> response = postForm(server.endpoints().get("gcp-sts"), exchangeRequest(idToken));
            assertThat(response.statusCode()).isEqualTo(400);
            JsonNode body = JSON.readTree(response.body());
            assertThat(body.get("error").asText()).isEqualTo("invalid_grant");
            assertThat(body.get("error_description").asText()).startsWith("The ID Token has expired");
        } finally {
            CLOCK.advance(Duration.ofHours(-2));
        }
    }

    @Test
    void generateAccessTokenAnswersWithAccessTokenAndExpireTime() throws Exception {
        HttpResponse<String> response = postJson(generateUrl(SandboxGcp.SERVICE_ACCOUNT),
                Map.of("scope", new String[] {CLOUD_PLATFORM}, "lifetime", "600s"), federatedToken());

        assertThat(response.statusCode()).as(response.body()).isEqualTo(200);
        JsonNode body = JSON.readTree(response.body());
        assertThat(body.fieldNames()).toIterable().containsExactly("accessToken", "expireTime");
        assertThat(body.get("expireTime").asText()).matches("\\d{4}-\\d\\d-\\d\\dT\\d\\d:\\d\\d:\\d\\dZ");
        assertThat(Instant.parse(body.get("expireTime").asText()))
                .isBetween(CLOCK.instant().plusSeconds(590), CLOCK.instant().plusSeconds(601));
    }

    @Test
    void generateAccessTokenRefusesLifetimesOutsideTenMinutesToTwelveHours() throws Exception {
        String federated = federatedToken();
        for (String lifetime : new String[] {"599s", "43201s", "1h", "12"}) {
            HttpResponse<String> response = postJson(generateUrl(SandboxGcp.SERVICE_ACCOUNT),
                    Map.of("scope", new String[] {CLOUD_PLATFORM}, "lifetime", lifetime), federated);
            assertThat(response.statusCode()).as(lifetime).isEqualTo(400);
            assertThat(JSON.readTree(response.body()).at("/error/status").asText()).isEqualTo("INVALID_ARGUMENT");
        }
        HttpResponse<String> twelveHours = postJson(generateUrl(SandboxGcp.SERVICE_ACCOUNT),
                Map.of("scope", new String[] {CLOUD_PLATFORM}, "lifetime", "43200s"), federated);
        assertThat(twelveHours.statusCode()).isEqualTo(200);
    }

    @Test
    void generateAccessTokenWithoutOrWithAnUnknownTokenIsUnauthenticated() throws Exception {
        Map<String, Object> body = Map.of("scope", new String[] {CLOUD_PLATFORM});

        HttpResponse<String> missing = postJson(generateUrl(SandboxGcp.SERVICE_ACCOUNT), body, null);
        assertThat(missing.statusCode()).isEqualTo(401);
        assertThat(JSON.readTree(missing.body()).at("/error/status").asText()).isEqualTo("UNAUTHENTICATED");
        assertThat(JSON.readTree(missing.body()).at("/error/code").asInt()).isEqualTo(401);

        HttpResponse<String> unknown = postJson(generateUrl(SandboxGcp.SERVICE_ACCOUNT), body, "ya29.d.made-up");
        assertThat(unknown.statusCode()).isEqualTo(401);
        assertThat(unknown.headers().firstValue("WWW-Authenticate")).hasValueSatisfying(v -> assertThat(v).startsWith("Bearer"));
        assertThat(JSON.readTree(unknown.body()).at("/error/message").asText())
                .startsWith("Request had invalid authentication credentials.");
    }

    @Test
    void anExpiredFederatedTokenIsUnauthenticated() throws Exception {
        String federated = federatedToken();
        CLOCK.advance(Duration.ofMinutes(61));
        try {
            HttpResponse<String> response = postJson(generateUrl(SandboxGcp.SERVICE_ACCOUNT),
                    Map.of("scope", new String[] {CLOUD_PLATFORM}), federated);
            assertThat(response.statusCode()).isEqualTo(401);
            assertThat(GcpTestSupport.whoami(server, federated).statusCode()).isEqualTo(401);
        } finally {
            CLOCK.advance(Duration.ofMinutes(-61));
        }
    }

    @Test
    void aServiceAccountTokenCannotImpersonateFurther() throws Exception {
        HttpResponse<String> first = postJson(generateUrl(SandboxGcp.SERVICE_ACCOUNT),
                Map.of("scope", new String[] {CLOUD_PLATFORM}), federatedToken());
        String serviceAccountToken = JSON.readTree(first.body()).get("accessToken").asText();

        HttpResponse<String> second = postJson(generateUrl(SandboxGcp.SERVICE_ACCOUNT),
                Map.of("scope", new String[] {CLOUD_PLATFORM}), serviceAccountToken);

        assertThat(second.statusCode()).isEqualTo(403);
        assertThat(JSON.readTree(second.body()).at("/error/status").asText()).isEqualTo("PERMISSION_DENIED");
    }

    @Test
    void aWholePoolBindingAdmitsAnyoneInThePool() throws Exception {
        try (SandboxServer pooled = SandboxServer.start(SandboxOptions.defaults().withPort(0).withAutoApprove(true)
                .withDataDir(dir).withGcpServiceAccounts(java.util.List.of(new GcpServiceAccount(
                        "whole-pool@fedcred-sandbox.iam.gserviceaccount.com",
                        java.util.List.of(SandboxGcp.principalSet(SandboxGcp.PROJECT_NUMBER, SandboxGcp.POOL_ID))))))) {
            HttpClient client = GcpTestSupport.httpClientTrusting(pooled);
            HttpResponse<String> exchanged = client.send(HttpRequest.newBuilder(URI.create(pooled.endpoints().get("gcp-sts")))
                    .header("Content-Type", "application/x-www-form-urlencoded")
                    .POST(HttpRequest.BodyPublishers.ofString(SandboxHttp.form(
                            exchangeRequest(StsTestSupport.sandboxIdToken(pooled))))).build(),
                    HttpResponse.BodyHandlers.ofString());
            String federated = JSON.readTree(exchanged.body()).get("access_token").asText();

            HttpResponse<String> response = client.send(HttpRequest.newBuilder(URI.create(
                            GcpTestSupport.impersonationUrl(pooled, "whole-pool@fedcred-sandbox.iam.gserviceaccount.com")))
                    .header("Authorization", "Bearer " + federated)
                    .POST(HttpRequest.BodyPublishers.ofString("{\"scope\":[\"" + CLOUD_PLATFORM + "\"]}")).build(),
                    HttpResponse.BodyHandlers.ofString());
            assertThat(response.statusCode()).as(response.body()).isEqualTo(200);
        }
    }

    @Test
    void whoamiWithoutATokenIsUnauthenticated() throws Exception {
        HttpResponse<String> response = GcpTestSupport.whoami(server, null);

        assertThat(response.statusCode()).isEqualTo(401);
        assertThat(JSON.readTree(response.body()).at("/error/details/0/reason").asText()).isEqualTo("CREDENTIALS_MISSING");
    }

    @Test
    void unknownPathsAreGoogleStyleNotFound() throws Exception {
        String base = server.endpoints().get("gcp-iamcredentials");
        for (String path : new String[] {"projects/-/serviceAccounts/x@y.iam.gserviceaccount.com:signJwt", "nothing"}) {
            HttpResponse<String> response = https.send(HttpRequest.newBuilder(URI.create(base + path))
                    .POST(HttpRequest.BodyPublishers.noBody()).build(), HttpResponse.BodyHandlers.ofString());
            assertThat(response.statusCode()).as(path).isEqualTo(404);
            assertThat(JSON.readTree(response.body()).at("/error/status").asText()).isEqualTo("NOT_FOUND");
        }
    }

    /** Node's google-auth-library asks Resource Manager for the project ID of the audience's project number. */
    @Test
    void resourceManagerReportsTheSandboxProject() throws Exception {
        String url = server.endpoints().get("gcp-iamcredentials") + "projects/";
        String federated = federatedToken();

        HttpResponse<String> project = https.send(HttpRequest.newBuilder(URI.create(url + SandboxGcp.PROJECT_NUMBER))
                .header("Authorization", "Bearer " + federated).GET().build(), HttpResponse.BodyHandlers.ofString());
        assertThat(project.statusCode()).isEqualTo(200);
        assertThat(JSON.readTree(project.body()).get("projectId").asText()).isEqualTo(SandboxGcp.PROJECT_ID);

        HttpResponse<String> other = https.send(HttpRequest.newBuilder(URI.create(url + "123456789000"))
                .header("Authorization", "Bearer " + federated).GET().build(), HttpResponse.BodyHandlers.ofString());
        assertThat(other.statusCode()).isEqualTo(403);
        HttpResponse<String> anonymous = https.send(HttpRequest.newBuilder(URI.create(url + SandboxGcp.PROJECT_NUMBER))
                .GET().build(), HttpResponse.BodyHandlers.ofString());
        assertThat(anonymous.statusCode()).isEqualTo(401);
    }
}
