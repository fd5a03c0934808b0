package dev.fedcred.cli;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import dev.fedcred.FedcredContext;
import dev.fedcred.core.Json;
import dev.fedcred.core.aws.AssumedRole;
import dev.fedcred.core.aws.AwsSessionCache;
import dev.fedcred.core.builtin.SandboxTargets;
import dev.fedcred.sandbox.SandboxOptions;
import dev.fedcred.sandbox.SandboxServer;
import dev.fedcred.testing.CliRun;
import dev.fedcred.testing.FakeBrowser;
import dev.fedcred.testing.SandboxHome;
import java.io.PrintWriter;
import java.io.StringWriter;
import java.net.URI;
import java.net.URLDecoder;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.security.MessageDigest;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.time.LocalDateTime;
import java.time.ZoneOffset;
import java.time.format.DateTimeFormatter;
import java.util.Base64;
import java.util.HashMap;
import java.util.HexFormat;
import java.util.Map;
import java.util.TreeMap;
import javax.crypto.Mac;
import javax.crypto.spec.SecretKeySpec;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * {@code fedcred kube credential} for the three built-in sandbox clusters against the real sandbox
 * (issuer, AWS STS, GCP emulator) and the real AWS SDK signer: the ExecCredential kubectl reads,
 * the EKS token's presigned URL checked with a SigV4 computed here by hand, the cache, the signed-out
 * message.
 */
class CliKubeEndToEndTest {
    private static final String EXEC_INFO_V1BETA1 = "{\"kind\":\"ExecCredential\",\"apiVersion\":"
            + "\"client.authentication.k8s.io/v1beta1\",\"spec\":{\"interactive\":false}}";

    @TempDir
    Path home;

    private SandboxServer sandbox;
    private FedcredContext context;

    private void start(Map<String, String> more) throws Exception {
        if (sandbox == null) {
            sandbox = SandboxServer.start(SandboxOptions.defaults().withPort(0).withAutoApprove(true)
                    .withDataDir(SandboxHome.sandboxDataDir(home)));
        }
        Map<String, String> env = new HashMap<>(SandboxHome.environment(sandbox, home));
        env.putAll(more);
        context = new FedcredContext(env, Clock.systemUTC(), new FakeBrowser());
    }

    @AfterEach
    void stop() {
        if (sandbox != null) {
            sandbox.close();
        }
    }

    private void login() {
        CliRun login = CliRun.run(context, "login", "--issuer", "sandbox");
        assertThat(login.exitCode()).as(login.err()).isZero();
    }

    private JsonNode credential(String target) throws Exception {
        CliRun run = CliRun.run(context, "kube", "credential", target);
        assertThat(run.exitCode()).as(run.err()).isZero();
        return Json.MAPPER.readTree(run.out());
    }

    @Test
    void eksTokenIsAPresignedGetCallerIdentityUrlWithTheClusterSignedIn() throws Exception {
        start(Map.of());
        login();
        JsonNode credential = credential(SandboxTargets.SANDBOX_EKS);

        assertThat(credential.path("kind").asText()).isEqualTo("ExecCredential");
        assertThat(credential.path("apiVersion").asText()).isEqualTo("client.authentication.k8s.io/v1");
        String token = credential.path("status").path("token").asText();
        assertThat(token).startsWith("k8s-aws-v1.").doesNotContain("=");
        URI url = URI.create(new String(Base64.getUrlDecoder().decode(token.substring("k8s-aws-v1.".length())),
                StandardCharsets.UTF_8));
        URI sts = URI.create(sandbox.issuerUri() + "/aws-sts");
        assertThat(url.getScheme() + "://" + url.getAuthority() + url.getPath()).isEqualTo(sts.toString());
        Map<String, String> query = query(url);
        assertThat(query).containsEntry("Action", "GetCallerIdentity").containsEntry("Version", "2011-06-15")
                .containsEntry("X-Amz-Algorithm", "AWS4-HMAC-SHA256").containsEntry("X-Amz-Expires", "60")
                .containsEntry("X-Amz-SignedHeaders", "host;x-k8s-aws-id").containsKey("X-Amz-Security-Token");

        AssumedRole session = new AwsSessionCache(context.paths().awsSessionCacheFile()).load("sandbox-aws").orElseThrow();
        assertThat(query.get("X-Amz-Credential")).startsWith(session.accessKeyId() + "/").endsWith("/us-east-1/sts/aws4_request");
        assertThat(query.get("X-Amz-Signature"))
                .isEqualTo(sigV4(url, query, session.secretAccessKey(), SandboxTargets.SANDBOX_EKS_CLUSTER));
        assertThat(query.get("X-Amz-Signature"))
                .as("another cluster's name gives another signature")
                .isNotEqualTo(sigV4(url, query, session.secretAccessKey(), "another-cluster"));

        Instant signedAt = LocalDateTime.parse(query.get("X-Amz-Date"), DateTimeFormatter.ofPattern("yyyyMMdd'T'HHmmss'Z'"))
                .toInstant(ZoneOffset.UTC);
        assertThat(Instant.parse(credential.path("status").path("expirationTimestamp").asText()))
                .as("15 minutes, reported a minute early").isEqualTo(signedAt.plus(Duration.ofMinutes(14)));
    }

    @Test
    void v1beta1WhenKubectlAsksForItAndTheCacheAnswersWithoutTheNetwork() throws Exception {
        start(Map.of());
        login();
        String first = credential(SandboxTargets.SANDBOX_EKS).path("status").path("token").asText();
        sandbox.close();
        sandbox = null;

        start(Map.of("KUBERNETES_EXEC_INFO", EXEC_INFO_V1BETA1));
        JsonNode cached = credential(SandboxTargets.SANDBOX_EKS);
        assertThat(cached.path("apiVersion").asText()).isEqualTo("client.authentication.k8s.io/v1beta1");
        assertThat(cached.path("status").path("token").asText()).isEqualTo(first);

        // a script's call: the same parent asking again with KUBERNETES_EXEC_INFO would be kubectl's re-run after a 401
        start(Map.of());
        StringWriter out = new StringWriter();
        assertThat(CachedKubeCredential.answer(context, new PrintWriter(out), "kube", "credential",
                SandboxTargets.SANDBOX_EKS)).isTrue();
        assertThat(Json.MAPPER.readTree(out.toString()).path("status").path("token").asText()).isEqualTo(first);
        assertThat(CachedKubeCredential.answer(context, new PrintWriter(out), "kube", "credential",
                SandboxTargets.SANDBOX_GKE)).as("nothing cached for it").isFalse();
        assertThat(java.nio.file.attribute.PosixFilePermissions.toString(Files.getPosixFilePermissions(context.paths().kubeTokenCacheFile()))).isEqualTo("rw-------");
    }

    @Test
    void gkeTokenIsTheGcpTargetsAccessTokenAndOidcTheIssuersIdToken() throws Exception {
        start(Map.of());
        login();
        JsonNode gke = credential(SandboxTargets.SANDBOX_GKE);
        CliRun accessToken = CliRun.run(context, "gcp", "print-access-token", "sandbox-gcp");
        assertThat(gke.path("status").path("token").asText()).isEqualTo(accessToken.out().strip());

        JsonNode oidc = credential(SandboxTargets.SANDBOX_OIDC);
        JsonNode tokens = Json.MAPPER.readTree(Files.readString(context.paths().tokenCacheFile()));
        assertThat(oidc.path("status").path("token").asText()).isEqualTo(tokens.findValue("id_token").asText());
        String[] parts = oidc.path("status").path("token").asText().split("\\.");
        JsonNode claims = Json.MAPPER.readTree(Base64.getUrlDecoder().decode(parts[1]));
        assertThat(claims.path("aud").asText()).isEqualTo("fedcred-sandbox");
        assertThat(Instant.parse(oidc.path("status").path("expirationTimestamp").asText()))
                .isEqualTo(Instant.ofEpochSecond(claims.path("exp").asLong()));
    }

    @Test
    void signedOutSourceExitsThreeSayingHowToSignIn() throws Exception {
        start(Map.of());
        for (String target : new String[] {SandboxTargets.SANDBOX_EKS, SandboxTargets.SANDBOX_GKE, SandboxTargets.SANDBOX_OIDC}) {
            CliRun run = CliRun.run(context, "kube", "credential", target);
            assertThat(run.exitCode()).as(target).isEqualTo(3);
            assertThat(run.out()).isEmpty();
            assertThat(run.err()).contains("Cannot get a Kubernetes token for " + target)
                    .contains("fedcred login --issuer sandbox").contains("Then run kubectl again.");
        }
    }

    private static Map<String, String> query(URI url) {
        Map<String, String> query = new TreeMap<>();
        for (String pair : url.getRawQuery().split("&")) {
            String[] kv = pair.split("=", 2);
            query.put(URLDecoder.decode(kv[0], StandardCharsets.UTF_8), URLDecoder.decode(kv[1], StandardCharsets.UTF_8));
        }
        return query;
    }

    /** SigV4 for a presigned GET, computed from the specification without the SDK. */
    private static String sigV4(URI url, Map<String, String> query, String secret, String cluster) throws Exception {
        StringBuilder canonicalQuery = new StringBuilder();
        query.forEach((key, value) -> {
            if (!key.equals("X-Amz-Signature")) {
                canonicalQuery.append(canonicalQuery.length() == 0 ? "" : "&").append(encode(key)).append('=').append(encode(value));
            }
        });
        String canonicalRequest = String.join("\n", "GET", url.getRawPath(), canonicalQuery,
                "host:" + url.getAuthority(), "x-k8s-aws-id:" + cluster, "", "host;x-k8s-aws-id", "UNSIGNED-PAYLOAD");
        String date = query.get("X-Amz-Date");
        String scope = query.get("X-Amz-Credential").substring(query.get("X-Amz-Credential").indexOf('/') + 1);
        String stringToSign = String.join("\n", "AWS4-HMAC-SHA256", date, scope,
                HexFormat.of().formatHex(MessageDigest.getInstance("SHA-256").digest(canonicalRequest.getBytes(StandardCharsets.UTF_8))));
        String[] scopeParts = scope.split("/");
        byte[] key = hmac(("AWS4" + secret).getBytes(StandardCharsets.UTF_8), scopeParts[0]);
        key = hmac(key, scopeParts[1]);
        key = hmac(key, scopeParts[2]);
        key = hmac(key, scopeParts[3]);
        return HexFormat.of().formatHex(hmac(key, stringToSign));
    }

    private static String encode(String value) {
        return java.net.URLEncoder.encode(value, StandardCharsets.UTF_8).replace("+", "%20").replace("*", "%2A")
                .replace("%7E", "~");
    }

    private static byte[] hmac(byte[] key, String data) throws Exception {
        Mac mac = Mac.getInstance("HmacSHA256");
        mac.init(new SecretKeySpec(key, "HmacSHA256"));
        return mac.doFinal(data.getBytes(StandardCharsets.UTF_8));
    }
}
