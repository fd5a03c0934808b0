package dev.fedcred.sandbox;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.sun.net.httpserver.HttpServer;
import dev.fedcred.testing.MutableClock;
import dev.fedcred.testing.SandboxKubeTokens;
import java.net.InetAddress;
import java.net.InetSocketAddress;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import software.amazon.awssdk.services.sts.model.Credentials;

/**
 * The sandbox's Kubernetes API server over raw HTTPS, trusting only the sandbox CA: each kind of
 * token accepted with the user a real cluster would name, each bad one refused with the 401
 * Status object kube-apiserver sends, and the discovery documents kubectl reads.
 */
class KubernetesApiServerTest {

    private static final ObjectMapper JSON = new ObjectMapper();
    private static final String UNAUTHORIZED =
            "{\"kind\":\"Status\",\"apiVersion\":\"v1\",\"metadata\":{},\"status\":\"Failure\",\"message\":\"Unauthorized\","
                    + "\"reason\":\"Unauthorized\",\"code\":401}";
    private static final MutableClock CLOCK = MutableClock.stoppedAt(Instant.now());
    private static SandboxServer server;
    private static Credentials session;

    @BeforeAll
    static void start() throws Exception {
        server = SandboxServer.start(SandboxOptions.defaults().withPort(0).withGcpPort(0).withAutoApprove(true), CLOCK);
        session = SandboxKubeTokens.awsSession(server);
    }

    @AfterAll
    static void stop() {
        server.close();
    }

    private static String eksToken(String stsUrl, String cluster, Clock signingClock) {
        return SandboxKubeTokens.eksToken(stsUrl, session, cluster, signingClock);
    }

    private static String sandboxEksToken() {
        return eksToken(server.endpoints().get("aws-sts"), SandboxKubernetes.EKS_CLUSTER_NAME, CLOCK);
    }

    private static void assertUnauthorized(SandboxServer sandbox, String token) throws Exception {
        HttpResponse<String> response = SandboxKubeTokens.whoami(sandbox, token);
        assertThat(response.statusCode()).as(response.body()).isEqualTo(401);
        assertThat(response.headers().firstValue("Content-Type")).hasValue("application/json");
        assertThat(JSON.readTree(response.body())).isEqualTo(JSON.readTree(UNAUTHORIZED));
    }

    @Test
    void endpointsNameTheApiServerAndTheCaOfTheHttpsListener() {
        assertThat(server.endpoints().get("kubernetes")).isEqualTo(
                server.endpoints().get("gcp-sts").replace("/v1/token", "/k8s"));
        assertThat(server.endpoints().get("kubernetes-ca")).isEqualTo(server.endpoints().get("gcp-ca"));
    }

    @Test
    void anEksTokenFromTheSdkPresignerIsTheAssumedRoleSession() throws Exception {
        JsonNode user = SandboxKubeTokens.userInfo(SandboxKubeTokens.whoami(server, sandboxEksToken()));
        assertThat(user.path("username").asText())
                .isEqualTo("arn:aws:sts::000000000000:assumed-role/fedcred-sandbox/" + SandboxKubeTokens.SESSION_NAME);
        assertThat(user.path("groups")).containsExactly(
                JSON.valueToTree(SandboxKubernetes.EKS_GROUP), JSON.valueToTree("system:authenticated"));
        assertThat(user.path("uid").asText()).startsWith("aws-iam-authenticator:000000000000:AROA");
        assertThat(user.path("extra").path("canonicalArn").get(0).asText())
                .isEqualTo("arn:aws:iam::000000000000:role/fedcred-sandbox");
        assertThat(user.path("extra").path("sessionName").get(0).asText()).isEqualTo(SandboxKubeTokens.SESSION_NAME);
    }

    @Test
    void anEksTokenPresignedAtTheStsRootIsAcceptedToo() throws Exception {
        String root = server.issuerUri() + "/";
        JsonNode user = SandboxKubeTokens.userInfo(SandboxKubeTokens.whoami(server,
                eksToken(root, SandboxKubernetes.EKS_CLUSTER_NAME, CLOCK)));
        assertThat(user.path("username").asText()).endsWith("/" + SandboxKubeTokens.SESSION_NAME);
    }

    @Test
    void anEksTokenForAnotherClusterIsRefused() throws Exception {
        assertUnauthorized(server, eksToken(server.endpoints().get("aws-sts"), "some-other-cluster", CLOCK));
    }

    @Test
    void anEksTokenSignedMoreThanFifteenMinutesAgoIsRefused() throws Exception {
        Clock sixteenMinutesAgo = Clock.fixed(CLOCK.instant().minus(Duration.ofMinutes(16)), CLOCK.getZone());
        Clock fourteenMinutesAgo = Clock.fixed(CLOCK.instant().minus(Duration.ofMinutes(14)), CLOCK.getZone());
        String sts = server.endpoints().get("aws-sts");
        assertUnauthorized(server, eksToken(sts, SandboxKubernetes.EKS_CLUSTER_NAME, sixteenMinutesAgo));
        // X-Amz-Expires says 60 s, but STS and the authenticator give a presigned URL 15 minutes.
        SandboxKubeTokens.userInfo(SandboxKubeTokens.whoami(server,
                eksToken(sts, SandboxKubernetes.EKS_CLUSTER_NAME, fourteenMinutesAgo)));
    }

    @Test
    void anEksTokenWithATamperedSignatureIsRefused() throws Exception {
        String url = SandboxKubeTokens.presignedUrl(sandboxEksToken()).toString();
        int at = url.indexOf("X-Amz-Signature=") + "X-Amz-Signature=".length();
        String tampered = url.substring(0, at) + (url.charAt(at) == 'a' ? 'b' : 'a') + url.substring(at + 1);
        assertUnauthorized(server, SandboxKubeTokens.eksToken(tampered));
    }

    @Test
    void anEksTokenWithTheActionChangedIsRefused() throws Exception {
        String url = SandboxKubeTokens.presignedUrl(sandboxEksToken()).toString();
        assertUnauthorized(server, SandboxKubeTokens.eksToken(url.replace("GetCallerIdentity", "AssumeRole")));
    }

    /**
     * A validly presigned URL for another host is refused without being called: the other STS here
     * would vouch for anybody, so only not calling it keeps the token out.
     */
    @Test
    void anEksTokenForAnStsOtherThanTheSandboxesIsRefusedWithoutCallingIt() throws Exception {
        List<String> calls = new ArrayList<>();
        HttpServer impostor = HttpServer.create(new InetSocketAddress(InetAddress.getByName("127.0.0.1"), 0), 0);
        impostor.createContext("/", exchange -> {
            calls.add(exchange.getRequestURI().getPath());
            byte[] body = ("{\"GetCallerIdentityResponse\":{\"GetCallerIdentityResult\":{\"Account\":\"000000000000\","
                    + "\"Arn\":\"arn:aws:sts::000000000000:assumed-role/fedcred-sandbox/impostor\","
                    + "\"UserId\":\"AROAIMPOSTOR:impostor\"}}}").getBytes(StandardCharsets.UTF_8);
            exchange.getResponseHeaders().set("Content-Type", "application/json");
            exchange.sendResponseHeaders(200, body.length);
            exchange.getResponseBody().write(body);
            exchange.close();
        });
        impostor.start();
        try {
            String elsewhere = "http://127.0.0.1:" + impostor.getAddress().getPort() + "/aws-sts";
            assertUnauthorized(server, eksToken(elsewhere, SandboxKubernetes.EKS_CLUSTER_NAME, CLOCK));
            assertThat(calls).isEmpty();
        } finally {
            impostor.stop(0);
        }
    }

    @Test
    void aServiceAccountTokenIsTheServiceAccountsEmail() throws Exception {
        JsonNode user = SandboxKubeTokens.userInfo(SandboxKubeTokens.whoami(server,
                SandboxKubeTokens.gcpServiceAccountToken(server)));
        assertThat(user.path("username").asText()).isEqualTo(SandboxGcp.SERVICE_ACCOUNT);
        assertThat(user.path("groups")).containsExactly(JSON.valueToTree("system:authenticated"));
    }

    @Test
    void aFederatedTokenIsTheFederatedPrincipal() throws Exception {
        JsonNode user = SandboxKubeTokens.userInfo(SandboxKubeTokens.whoami(server,
                SandboxKubeTokens.gcpFederatedToken(server)));
        assertThat(user.path("username").asText()).isEqualTo(
                SandboxGcp.principal(SandboxGcp.PROJECT_NUMBER, SandboxGcp.POOL_ID, SandboxUser.SUBJECT));
    }

    @Test
    void aGcpTokenTheEmulatorNeverIssuedIsRefused() throws Exception {
        assertUnauthorized(server, "ya29.c.sandbox.never-issued");
    }

    @Test
    void anIdTokenIsTheUsersEmail() throws Exception {
        JsonNode user = SandboxKubeTokens.userInfo(SandboxKubeTokens.whoami(server, SandboxKubeTokens.idToken(server)));
        assertThat(user.path("username").asText()).isEqualTo(SandboxUser.EMAIL);
        assertThat(user.path("groups")).containsExactly(JSON.valueToTree("system:authenticated"));
        assertThat(user.has("uid")).isFalse();
    }

    @Test
    void anIdTokenWithATamperedPayloadIsRefused() throws Exception {
        String[] parts = SandboxKubeTokens.idToken(server).split("\\.");
        String claims = new String(java.util.Base64.getUrlDecoder().decode(parts[1]), StandardCharsets.UTF_8)
                .replace(SandboxUser.EMAIL, "admin@example.com");
        assertUnauthorized(server, parts[0] + "."
                + java.util.Base64.getUrlEncoder().withoutPadding().encodeToString(claims.getBytes(StandardCharsets.UTF_8))
                + "." + parts[2]);
    }

    @Test
    void anIdTokenForAnotherAudienceIsRefused() throws Exception {
        try (SandboxServer other = SandboxServer.start(SandboxOptions.defaults().withPort(0).withGcpPort(0)
                .withAutoApprove(true).withUserClaim("aud", "another-cluster"))) {
            // Fetched without fedcred's client, which would refuse it itself.
            String token = StsTestSupport.sandboxIdToken(other);
            assertUnauthorized(other, token);
        }
    }

    @Test
    void anExpiredIdTokenIsRefused() throws Exception {
        MutableClock clock = MutableClock.stoppedAt(Instant.now());
        try (SandboxServer other = SandboxServer.start(SandboxOptions.defaults().withPort(0).withGcpPort(0)
                .withAutoApprove(true), clock)) {
            String token = SandboxKubeTokens.idToken(other);
            SandboxKubeTokens.userInfo(SandboxKubeTokens.whoami(other, token));
            clock.advance(Duration.ofHours(1).plusSeconds(1));
            assertUnauthorized(other, token);
        }
    }

    @Test
    void noTokenOrAnotherSchemeIsUnauthorized() throws Exception {
        assertUnauthorized(server, null);
        HttpResponse<String> basic = get("/k8s/version", "Basic dXNlcjpwYXNz");
        assertThat(basic.statusCode()).isEqualTo(401);
    }

    @Test
    void discoveryListsTheAuthenticationGroupAndVersionAnswers() throws Exception {
        String auth = "Bearer " + SandboxKubeTokens.gcpFederatedToken(server);
        JsonNode apis = JSON.readTree(get("/k8s/apis", auth).body());
        assertThat(apis.path("kind").asText()).isEqualTo("APIGroupList");
        assertThat(apis.path("groups").get(0).path("preferredVersion").path("groupVersion").asText())
                .isEqualTo("authentication.k8s.io/v1");
        JsonNode resources = JSON.readTree(get("/k8s/apis/authentication.k8s.io/v1", auth).body());
        assertThat(resources.path("resources").get(0).path("name").asText()).isEqualTo("selfsubjectreviews");
        assertThat(JSON.readTree(get("/k8s/api", auth).body()).path("kind").asText()).isEqualTo("APIVersions");
        JsonNode version = JSON.readTree(get("/k8s/version", auth).body());
        assertThat(version.path("gitVersion").asText()).isEqualTo(KubernetesApiServer.GIT_VERSION);
        // kubectl get --raw /version drops the server URL's path.
        assertThat(JSON.readTree(get("/version", auth).body())).isEqualTo(version);
    }

    @Test
    void unknownPathsAndWrongMethodsGetStatusObjects() throws Exception {
        String auth = "Bearer " + SandboxKubeTokens.gcpFederatedToken(server);
        HttpResponse<String> missing = get("/k8s/api/v1/namespaces/<script>", auth);
        assertThat(missing.statusCode()).isEqualTo(404);
        assertThat(JSON.readTree(missing.body()).path("reason").asText()).isEqualTo("NotFound");
        assertThat(missing.body()).doesNotContain("script");
        HttpResponse<String> getReview = get("/k8s/apis/authentication.k8s.io/v1/selfsubjectreviews", auth);
        assertThat(getReview.statusCode()).isEqualTo(405);
        assertThat(JSON.readTree(getReview.body()).path("reason").asText()).isEqualTo("MethodNotAllowed");
    }

    @Test
    void reviewBodiesAreBoundedAndMustBeReviews() throws Exception {
        String auth = "Bearer " + SandboxKubeTokens.gcpFederatedToken(server);
        HttpResponse<String> huge = post(auth, "application/json", "{\"kind\":\"" + "x".repeat(70_000) + "\"}");
        assertThat(huge.statusCode()).isEqualTo(413);
        HttpResponse<String> wrongKind = post(auth, "application/json", "{\"kind\":\"TokenReview\"}");
        assertThat(wrongKind.statusCode()).isEqualTo(400);
        HttpResponse<String> yaml = post(auth, "application/yaml", "kind: SelfSubjectReview");
        assertThat(yaml.statusCode()).isEqualTo(415);
        HttpResponse<String> protobuf = post(auth, "application/vnd.kubernetes.protobuf", "k8s\0\n\u0019");
        assertThat(protobuf.statusCode()).as(protobuf.body()).isEqualTo(201);
    }

    private static HttpResponse<String> get(String path, String authorization) throws Exception {
        return client().send(HttpRequest.newBuilder(listener(path)).header("Authorization", authorization).GET().build(),
                HttpResponse.BodyHandlers.ofString());
    }

    private static HttpResponse<String> post(String authorization, String type, String body) throws Exception {
        return client().send(HttpRequest.newBuilder(listener("/k8s/apis/authentication.k8s.io/v1/selfsubjectreviews"))
                .header("Authorization", authorization).header("Content-Type", type)
                .POST(HttpRequest.BodyPublishers.ofString(body)).build(), HttpResponse.BodyHandlers.ofString());
    }

    private static URI listener(String path) {
        return URI.create(server.endpoints().get("kubernetes").replace("/k8s", "") + path.replace("<", "%3C").replace(">", "%3E"));
    }

    private static HttpClient client() throws Exception {
        return SandboxKubeTokens.https(server);
    }
}
