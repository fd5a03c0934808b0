package dev.fedcred.cli;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import dev.fedcred.FedcredContext;
import dev.fedcred.core.Json;
import dev.fedcred.core.builtin.SandboxTargets;
import dev.fedcred.sandbox.SandboxOptions;
import dev.fedcred.sandbox.SandboxServer;
import dev.fedcred.testing.CliRun;
import dev.fedcred.testing.FakeBrowser;
import dev.fedcred.testing.SandboxHome;
import dev.fedcred.testing.SandboxKubeTokens;
import java.io.PrintWriter;
import java.io.StringWriter;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Clock;
import java.time.Duration;
import java.util.HashMap;
import java.util.Map;
import java.util.function.UnaryOperator;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * Tokens the sandbox's Kubernetes API server refuses, made through fedcred's exec plugin as kubectl
 * runs it (KUBERNETES_EXEC_INFO set), and what fedcred then tells the user. kubectl answers a 401
 * by running the plugin again in the same process; here the second call comes from the same parent
 * process (this test's JVM's), as kubectl's re-run does. The refusals are the real sandbox's, of
 * fedcred's real tokens: another cluster's name signed in, a presigned URL signed by a clock 20
 * minutes slow, a tampered signature in the cache, an ID token for another audience; after sign-out
 * fedcred hands out nothing, though the cluster (like GKE) would still take the old access token.
 */
class CliKubeRefusalTest {
    private static final String EXEC_INFO = "{\"kind\":\"ExecCredential\",\"apiVersion\":"
            + "\"client.authentication.k8s.io/v1\",\"spec\":{\"interactive\":false}}";

    @TempDir
    Path home;

    private SandboxServer sandbox;

    @AfterEach
    void stop() {
        if (sandbox != null) {
            sandbox.close();
        }
    }

    private FedcredContext start(UnaryOperator<SandboxOptions> options) throws Exception {
        sandbox = SandboxServer.start(options.apply(SandboxOptions.defaults().withPort(0).withAutoApprove(true)
                .withDataDir(SandboxHome.sandboxDataDir(home))));
        return context(Clock.systemUTC());
    }

    /** fedcred as kubectl runs it, with this clock. */
    private FedcredContext context(Clock clock) {
        Map<String, String> env = new HashMap<>(SandboxHome.environment(sandbox, home));
        env.put("KUBERNETES_EXEC_INFO", EXEC_INFO);
        return new FedcredContext(env, clock, new FakeBrowser());
    }

    private static void run(FedcredContext context, String... args) {
        CliRun run = CliRun.run(context, args);
        assertThat(run.exitCode()).as(run.err()).isZero();
    }

    private static CliRun credential(FedcredContext context, String target) {
        CliRun run = CliRun.run(context, "kube", "credential", target);
        assertThat(run.exitCode()).as(run.err()).isZero();
        return run;
    }

    private static String token(CliRun run) throws Exception {
        return Json.MAPPER.readTree(run.out()).path("status").path("token").asText();
    }

    private int review(String token) throws Exception {
        return SandboxKubeTokens.whoami(sandbox, token).statusCode();
    }

    @Test
    void aTokenForAnotherClusterNameIsRefusedAndTheRerunNamesTheSignedClusterName() throws Exception {
        FedcredContext context = start(options -> options);
        run(context, "login", "--issuer", "sandbox");
        run(context, "targets", "add", "kubernetes", "prod-eks", "source=sandbox-aws", "cluster=prod");

        CliRun first = credential(context, "prod-eks");
        assertThat(first.err()).isEmpty();
        assertThat(review(token(first))).as("the sandbox cluster is fedcred-sandbox-eks").isEqualTo(401);

        CliRun again = credential(context, "prod-eks");
        assertThat(again.err()).contains("The cluster refused the EKS token fedcred gave kubectl for prod-eks")
                .contains("signed for the EKS cluster name \"prod\"").contains("must be named exactly prod")
                .contains("fedcred kube setup prod-eks");
        assertThat(review(token(again))).isEqualTo(401);

        CliRun third = credential(context, "prod-eks");
        assertThat(third.err()).as("kubectl retries each request: it is told once").isEmpty();

        CliRun built = credential(context, SandboxTargets.SANDBOX_EKS);
        assertThat(review(token(built))).as("the built-in names the sandbox's cluster").isEqualTo(201);
    }

    @Test
    void aPresignedUrlSignedByASlowClockIsExpiredForTheClusterAndTheRerunPointsAtTheClock() throws Exception {
        run(start(options -> options), "login", "--issuer", "sandbox");
        FedcredContext slow = context(Clock.offset(Clock.systemUTC(), Duration.ofMinutes(-20)));

        CliRun first = credential(slow, SandboxTargets.SANDBOX_EKS);
        assertThat(review(token(first))).as("signed 20 minutes ago for the cluster").isEqualTo(401);

        CliRun again = credential(slow, SandboxTargets.SANDBOX_EKS);
        assertThat(again.err()).contains("refused the EKS token").contains("by this computer's clock")
                .contains("this computer's clock must be right").contains("within 15 minutes of its signing");
    }

    @Test
    void aTamperedSignatureInTheCacheIsRefusedThenReplacedOnTheRerun() throws Exception {
        FedcredContext context = start(options -> options);
        run(context, "login", "--issuer", "sandbox");
        CliRun good = credential(context, SandboxTargets.SANDBOX_EKS);
        assertThat(review(token(good))).isEqualTo(201);
        Path cache = context.paths().kubeTokenCacheFile();
        ObjectNode entries = (ObjectNode) Json.MAPPER.readTree(Files.readString(cache));
        ObjectNode entry = (ObjectNode) entries.findParent("token");
        String url = SandboxKubeTokens.presignedUrl(entry.path("token").asText()).toString();
        char last = url.charAt(url.length() - 1);
        entry.put("token", SandboxKubeTokens.eksToken(url.substring(0, url.length() - 1) + (last == '0' ? '1' : '0')));
        Files.writeString(cache, Json.MAPPER.writeValueAsString(entries));
        Files.delete(cache.resolveSibling("kube-handout")); // the next call is a new kubectl's

        StringWriter cached = new StringWriter();
        assertThat(CachedKubeCredential.answer(context, new PrintWriter(cached), "kube", "credential",
                SandboxTargets.SANDBOX_EKS)).as("the cache answers a new kubectl").isTrue();
        String tampered = Json.MAPPER.readTree(cached.toString()).path("status").path("token").asText();
        assertThat(review(tampered)).as("STS finds the signature wrong").isEqualTo(401);

        StringWriter none = new StringWriter();
        assertThat(CachedKubeCredential.answer(context, new PrintWriter(none), "kube", "credential",
                SandboxTargets.SANDBOX_EKS)).as("kubectl's re-run goes to the full command").isFalse();
        CliRun again = credential(context, SandboxTargets.SANDBOX_EKS);
        assertThat(again.err()).contains("The cluster refused the EKS token fedcred gave kubectl for sandbox-eks")
                .contains("fedcred has made a new token");
        assertThat(review(token(again))).isEqualTo(201);
    }

    @Test
    void anIdTokenForAnotherAudienceIsRefusedAndTheRerunNamesTheAudienceAndTheFlag() throws Exception {
        FedcredContext context = start(options -> options.withKubernetesOidcClientId("lab-cluster"));
        run(context, "login", "--issuer", "sandbox");

        CliRun first = credential(context, SandboxTargets.SANDBOX_OIDC);
        JsonNode claims = Json.MAPPER.readTree(java.util.Base64.getUrlDecoder().decode(token(first).split("\\.")[1]));
        assertThat(claims.path("aud").asText()).isEqualTo("fedcred-sandbox");
        assertThat(review(token(first))).as("the API server's --oidc-client-id is lab-cluster").isEqualTo(401);

        CliRun again = credential(context, SandboxTargets.SANDBOX_OIDC);
        assertThat(again.err()).contains("refused the OIDC token fedcred gave kubectl for sandbox-oidc")
                .contains("from the issuer " + sandbox.issuerUri()).contains("for the audience fedcred-sandbox")
                .contains("--oidc-client-id=fedcred-sandbox").contains("fedcred kube setup sandbox-oidc");
    }

    @Test
    void afterSignOutNoGcpTokenIsHandedOutThoughTheClusterWouldStillTakeTheOldOne() throws Exception {
        FedcredContext context = start(options -> options);
        run(context, "login", "--issuer", "sandbox");
        String before = token(credential(context, SandboxTargets.SANDBOX_GKE));
        assertThat(review(before)).isEqualTo(201);

        run(context, "logout", "--issuer", "sandbox");
        CliRun after = CliRun.run(context, "kube", "credential", SandboxTargets.SANDBOX_GKE);
        assertThat(after.exitCode()).isEqualTo(3);
        assertThat(after.out()).isEmpty();
        assertThat(after.err()).contains("Cannot get a Kubernetes token for sandbox-gke")
                .contains("fedcred login --issuer sandbox").contains("Then run kubectl again.");
        assertThat(Files.readString(context.paths().kubeTokenCacheFile())).doesNotContain(before);
        // Like Google, the sandbox takes an access token until it expires: only fedcred's refusal stops it.
        assertThat(review(before)).isEqualTo(201);
    }

    @Test
    void aScriptCallingTwiceIsNotTakenForARefusal() throws Exception {
        FedcredContext kubectl = start(options -> options);
        run(kubectl, "login", "--issuer", "sandbox");
        Map<String, String> env = new HashMap<>(SandboxHome.environment(sandbox, home));
        FedcredContext script = new FedcredContext(env, Clock.systemUTC(), new FakeBrowser());
        CliRun first = credential(script, SandboxTargets.SANDBOX_GKE);
        CliRun second = credential(script, SandboxTargets.SANDBOX_GKE);
        assertThat(second.err()).isEmpty();
        assertThat(token(second)).isEqualTo(token(first));
    }
}
