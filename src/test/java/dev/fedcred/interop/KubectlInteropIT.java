package dev.fedcred.interop;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import dev.fedcred.core.Json;
import dev.fedcred.sandbox.SandboxKubernetes;
import dev.fedcred.sandbox.SandboxOptions;
import dev.fedcred.sandbox.SandboxServer;
import dev.fedcred.testing.SandboxKubeTokens;
import java.net.URI;
import java.net.URLDecoder;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Clock;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.TreeMap;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import software.amazon.awssdk.services.sts.model.Credentials;

/**
 * The real kubectl (the machine image's /usr/bin/kubectl) against the sandbox's Kubernetes API
 * server, with a kubeconfig whose user holds a static {@code token:} of each source: an EKS token
 * from the AWS SDK's presigner, a GKE token (the sandbox service account's access token) and the
 * sandbox issuer's ID token. {@code kubectl auth whoami} names the user a real cluster would;
 * {@code kubectl get --raw /version} answers. And the AWS CLI v2's own {@code aws eks get-token}
 * token is accepted, its presigned URL of the same shape as the SDK's.
 */
class KubectlInteropIT {

    @TempDir
    Path dir;

    private SandboxServer sandbox;
    private Path kubectl;

    @BeforeEach
    void start() throws Exception {
        // Fails loudly (never skips) without kubectl: .ci/run installs Debian's only as a fallback.
        kubectl = PeerProgram.kubectl();
        sandbox = SandboxServer.start(SandboxOptions.defaults().withPort(0).withGcpPort(0).withAutoApprove(true)
                .withDataDir(dir.resolve("sandbox")));
    }

    @AfterEach
    void stop() {
        sandbox.close();
    }

    @Test
    void kubectlWithAnEksTokenIsTheAssumedRoleSession() throws Exception {
        String token = SandboxKubeTokens.eksToken(sandbox.endpoints().get("aws-sts"), SandboxKubeTokens.awsSession(sandbox),
                SandboxKubernetes.EKS_CLUSTER_NAME, Clock.systemUTC());
        JsonNode user = whoami(token);
        assertThat(user.path("username").asText())
                .isEqualTo("arn:aws:sts::000000000000:assumed-role/fedcred-sandbox/" + SandboxKubeTokens.SESSION_NAME);
        assertThat(user.path("groups").toString()).contains(SandboxKubernetes.EKS_GROUP);
        assertVersion(token);
    }

    @Test
    void kubectlWithAGkeTokenIsTheServiceAccount() throws Exception {
        String token = SandboxKubeTokens.gcpServiceAccountToken(sandbox);
        assertThat(whoami(token).path("username").asText())
                .isEqualTo("fedcred-sandbox@fedcred-sandbox.iam.gserviceaccount.com");
        assertVersion(token);
    }

    @Test
    void kubectlWithAnIdTokenIsTheUsersEmail() throws Exception {
        String token = SandboxKubeTokens.idToken(sandbox);
        assertThat(whoami(token).path("username").asText()).isEqualTo("sandbox.user@example.com");
        assertVersion(token);
    }

    @Test
    void kubectlWithABadTokenIsToldItIsUnauthorized() throws Exception {
        PeerProgram.Result whoami = kubectl(kubeconfig("ya29.c.sandbox.never-issued"), "auth", "whoami");
        assertThat(whoami.exitCode()).isNotZero();
        assertThat(whoami.err()).contains("Unauthorized");
    }

    /** `fedcred sandbox` (the packaged jar) prints the API server's URL and CA, and kubectl with them reaches it. */
    @Test
    void theSandboxCommandPrintsTheKubernetesServerAndCa() throws Exception {
        List<String> command = List.of(Path.of(System.getProperty("java.home"), "bin", "java").toString(), "-jar",
                InteropHome.JAR.toString(), "sandbox", "--port", "0", "--gcp-port", "0", "--auto-approve");
        ProcessBuilder builder = new ProcessBuilder(command).directory(dir.toFile())
                .redirectError(ProcessBuilder.Redirect.DISCARD);
        PeerProgram.isolate(builder.environment(), Map.of("HOME", dir.toString(), "FEDCRED_HOME", dir.resolve("own").toString()));
        Process process = builder.start();
        try (java.io.BufferedReader out = process.inputReader(StandardCharsets.UTF_8)) {
            Map<String, String> printed = new HashMap<>();
            String line;
            // Stops at kubernetes-ca, the last line on stdout: the sandbox then runs on, printing nothing more.
            while (!printed.containsKey("kubernetes-ca") && (line = out.readLine()) != null) {
                int colon = line.indexOf(": ");
                if (colon > 0) {
                    printed.put(line.substring(0, colon), line.substring(colon + 2));
                }
            }
            assertThat(printed.get("kubernetes")).matches("https://127\\.0\\.0\\.1:\\d+/k8s");
            assertThat(printed.get("kubernetes-ca")).isEqualTo(printed.get("gcp-ca")).endsWith("gcp-ca.pem");
            assertThat(printed.get("kubernetes")).startsWith(printed.get("gcp-sts").replace("/v1/token", ""));
        } finally {
            process.destroy();
            process.waitFor(10, java.util.concurrent.TimeUnit.SECONDS);
        }
    }

    /**
     * {@code aws eks get-token} from Debian's AWS CLI v2 (2.9), pointed at the sandbox STS: it
     * ignores {@code --endpoint-url} and {@code AWS_ENDPOINT_URL_STS} for the STS client it
     * presigns with, so the endpoint comes from an STS endpoint rule set in {@code AWS_DATA_PATH}.
     */
    @Test
    void theAwsClisEksTokenIsAcceptedAndShapedLikeTheSdks() throws Exception {
        Credentials session = SandboxKubeTokens.awsSession(sandbox);
        Path dataPath = stsEndpointRuleSet(sandbox.endpoints().get("aws-sts"));
        Map<String, String> env = new HashMap<>();
        env.put("HOME", dir.toString());
        env.put("AWS_CONFIG_FILE", dir.resolve("no-aws-config").toString());
        env.put("AWS_SHARED_CREDENTIALS_FILE", dir.resolve("no-aws-credentials").toString());
        env.put("AWS_DATA_PATH", dataPath.toString());
        env.put("AWS_ACCESS_KEY_ID", session.accessKeyId());
        env.put("AWS_SECRET_ACCESS_KEY", session.secretAccessKey());
        env.put("AWS_SESSION_TOKEN", session.sessionToken());
        PeerProgram.Result getToken = PeerProgram.run(List.of(
                PeerProgram.require("/usr/bin/aws", "apt-get install awscli").toString(),
                "eks", "get-token", "--cluster-name", SandboxKubernetes.EKS_CLUSTER_NAME, "--region", "us-east-1",
                "--output", "json"), env, dir);
        assertThat(getToken.exitCode()).as(getToken.err()).isZero();
        String cliToken = Json.MAPPER.readTree(getToken.out()).path("status").path("token").asText();

        JsonNode user = whoami(cliToken);
        assertThat(user.path("username").asText()).isEqualTo(
                "arn:aws:sts::000000000000:assumed-role/fedcred-sandbox/" + SandboxKubeTokens.SESSION_NAME);

        String sdkToken = SandboxKubeTokens.eksToken(sandbox.endpoints().get("aws-sts"), session,
                SandboxKubernetes.EKS_CLUSTER_NAME, Clock.systemUTC());
        assertThat(shape(SandboxKubeTokens.presignedUrl(cliToken)))
                .isEqualTo(shape(SandboxKubeTokens.presignedUrl(sdkToken)));
    }

    /** What both makers must agree on: scheme, host, path, action, version, signed headers, expiry, parameter names. */
    private static Map<String, String> shape(URI url) {
        Map<String, String> query = new TreeMap<>();
        for (String pair : url.getRawQuery().split("&")) {
            int eq = pair.indexOf('=');
            query.put(URLDecoder.decode(pair.substring(0, eq), StandardCharsets.UTF_8),
                    URLDecoder.decode(pair.substring(eq + 1), StandardCharsets.UTF_8));
        }
        Map<String, String> shape = new TreeMap<>();
        shape.put("scheme", url.getScheme());
        shape.put("host", url.getHost() + ":" + url.getPort());
        shape.put("path", url.getRawPath());
        shape.put("parameters", String.join(",", query.keySet()));
        for (String kept : List.of("Action", "Version", "X-Amz-Algorithm", "X-Amz-SignedHeaders", "X-Amz-Expires")) {
            shape.put(kept, query.get(kept));
        }
        return shape;
    }

    /** An STS endpoint rule set with one rule: every request goes to the sandbox STS. */
    private Path stsEndpointRuleSet(String stsUrl) throws Exception {
        Path data = dir.resolve("aws-data");
        Path ruleSet = data.resolve("sts/2011-06-15/endpoint-rule-set-1.json");
        Files.createDirectories(ruleSet.getParent());
        Map<String, Object> parameters = new TreeMap<>();
        for (String name : List.of("Region", "UseDualStack", "UseFIPS", "Endpoint", "UseGlobalEndpoint")) {
            parameters.put(name, Map.of("type", name.equals("Region") || name.equals("Endpoint") ? "String" : "Boolean",
                    "required", false));
        }
        Map<String, Object> rule = Map.of("conditions", List.of(), "type", "endpoint",
                "endpoint", Map.of("url", stsUrl, "properties", Map.of(), "headers", Map.of()));
        Json.MAPPER.writeValue(ruleSet.toFile(), Map.of("version", "1.0", "parameters", parameters, "rules", List.of(rule)));
        return data;
    }

    /** `kubectl auth whoami -o json`, which must succeed; the user it shows. */
    private JsonNode whoami(String token) throws Exception {
        PeerProgram.Result whoami = kubectl(kubeconfig(token), "auth", "whoami", "-o", "json");
        assertThat(whoami.exitCode()).as(whoami.err()).isZero();
        return Json.MAPPER.readTree(whoami.out()).path("status").path("userInfo");
    }

    private void assertVersion(String token) throws Exception {
        PeerProgram.Result version = kubectl(kubeconfig(token), "get", "--raw", "/version");
        assertThat(version.exitCode()).as(version.err()).isZero();
        assertThat(Json.MAPPER.readTree(version.out()).path("gitVersion").asText()).startsWith("v1.");
    }

    private PeerProgram.Result kubectl(Path kubeconfig, String... args) throws Exception {
        List<String> command = new java.util.ArrayList<>(List.of(kubectl.toString(), "--kubeconfig", kubeconfig.toString()));
        command.addAll(List.of(args));
        return PeerProgram.run(command, Map.of("HOME", dir.toString()), dir);
    }

    /** A kubeconfig for the sandbox cluster whose user holds {@code token} as a static token. */
    private Path kubeconfig(String token) throws Exception {
        Map<String, Object> config = Map.of(
                "apiVersion", "v1",
                "kind", "Config",
                "clusters", List.of(Map.of("name", "fedcred-sandbox", "cluster", Map.of(
                        "server", sandbox.endpoints().get("kubernetes"),
                        "certificate-authority", sandbox.endpoints().get("kubernetes-ca")))),
                "users", List.of(Map.of("name", "sandbox-user", "user", Map.of("token", token))),
                "contexts", List.of(Map.of("name", "sandbox", "context",
                        Map.of("cluster", "fedcred-sandbox", "user", "sandbox-user"))),
                "current-context", "sandbox");
        // JSON is YAML: kubectl reads it as a kubeconfig.
        Path file = Files.createTempFile(dir, "kubeconfig-", ".json");
        Json.MAPPER.writeValue(file.toFile(), config);
        return file;
    }
}
