package dev.fedcred.interop;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import dev.fedcred.core.Json;
import dev.fedcred.testing.SandboxKubeTokens;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Clock;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.function.UnaryOperator;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import software.amazon.awssdk.services.sts.model.Credentials;

/**
 * What a kubectl user sees when the cluster refuses the token fedcred's exec plugin gave: the real
 * kubectl runs the packaged jar against the sandbox's API server, which answers 401 as a real API
 * server does; kubectl then runs the plugin again, and fedcred's stderr (which kubectl passes on,
 * before its own "Unauthorized") says what the token was made for and what must match, once per
 * kubectl. Cases: another cluster's name, a presigned URL from a clock 20 minutes slow, a tampered
 * signature in the cache, an ID token for another audience; and after sign-out fedcred gives no
 * token at all.
 */
class KubectlRefusalInteropIT {
    private static final String UNAUTHORIZED = "You must be logged in to the server (Unauthorized)";

    @TempDir
    Path dir;

    private Path kubectl() {
        return PeerProgram.kubectl();
    }

    private InteropHome home(UnaryOperator<dev.fedcred.sandbox.SandboxOptions> options) throws Exception {
        InteropHome home = new InteropHome(dir.resolve("home"), Map.of("KUBECONFIG", dir.resolve("kubeconfig").toString()),
                options);
        home.signIn();
        return home;
    }

    private void config(InteropHome home, String target) throws Exception {
        PeerProgram.Result config = home.fedcred("kube", "config", target, "--server",
                home.sandbox.endpoints().get("kubernetes"), "--certificate-authority",
                home.sandbox.endpoints().get("kubernetes-ca"), "--context", target);
        assertThat(config.exitCode()).as(config.err()).isZero();
    }

    private PeerProgram.Result whoami(InteropHome home, String context) throws Exception {
        List<String> command = new ArrayList<>(List.of(kubectl().toString(), "--kubeconfig",
                dir.resolve("kubeconfig").toString(), "--context", context, "auth", "whoami", "-o", "json"));
        return PeerProgram.run(command, home.env, home.home);
    }

    private static int times(String text, String part) {
        return text.split(java.util.regex.Pattern.quote(part), -1).length - 1;
    }

    /** A refusal that lasts (the new token is refused too): kubectl fails with the explanation, given once. */
    private static void assertRefusedAndExplainedOnce(PeerProgram.Result whoami, String explanation) {
        assertThat(whoami.exitCode()).as(whoami.err()).isNotZero();
        assertThat(whoami.err()).contains(UNAUTHORIZED);
        assertExplainedOnce(whoami, explanation);
    }

    /**
     * A refusal the new token mends: kubectl may still fail this once (when the 401 answered its last
     * request) or go on with the new token (when it answered discovery), but it says why, once.
     */
    private static void assertExplainedOnce(PeerProgram.Result whoami, String explanation) {
        assertThat(whoami.err()).contains(explanation);
        assertThat(times(whoami.err(), "fedcred: The cluster refused")).as(whoami.err()).isEqualTo(1);
    }

    @Test
    void aTokenForAnotherClusterNameIsExplainedWithTheSignedName() throws Exception {
        try (InteropHome home = home(options -> options)) {
            PeerProgram.Result add = home.fedcred("targets", "add", "kubernetes", "prod-eks", "source=sandbox-aws",
                    "cluster=prod");
            assertThat(add.exitCode()).as(add.err()).isZero();
            config(home, "prod-eks");
            PeerProgram.Result whoami = whoami(home, "prod-eks");
            assertRefusedAndExplainedOnce(whoami, "refused the EKS token fedcred gave kubectl for prod-eks");
            assertThat(whoami.err()).contains("signed for the EKS cluster name \"prod\"").contains("kube setup prod-eks");

            config(home, "sandbox-eks");
            PeerProgram.Result good = whoami(home, "sandbox-eks");
            assertThat(good.exitCode()).as(good.err()).isZero();
            assertThat(good.err()).as("a token the cluster takes is given once, silently").isEmpty();
        }
    }

    @Test
    void aPresignedUrlFromASlowClockAndATamperedSignatureAreExplainedAndReplaced() throws Exception {
        try (InteropHome home = home(options -> options)) {
            config(home, "sandbox-eks");
            assertThat(whoami(home, "sandbox-eks").exitCode()).isZero();
            Path cache = home.home.resolve("fedcred/state/kube-tokens.json");
            assertThat(cache).exists();

            // signed while this computer's clock was 20 minutes slow: kubectl is told it is fresh, the cluster finds it expired
            JsonNode session = Json.MAPPER.readTree(Files.readString(home.home.resolve("fedcred/state/aws-sessions.json")))
                    .path("sessions").path("sandbox-aws");
            Credentials credentials = Credentials.builder().accessKeyId(session.path("access_key_id").asText())
                    .secretAccessKey(session.path("secret_access_key").asText())
                    .sessionToken(session.path("session_token").asText()).build();
            String slow = SandboxKubeTokens.eksToken(home.sandbox.endpoints().get("aws-sts"), credentials,
                    "fedcred-sandbox-eks", Clock.offset(Clock.systemUTC(), Duration.ofMinutes(-20)));
            plant(cache, slow);
            PeerProgram.Result expired = whoami(home, "sandbox-eks");
            assertExplainedOnce(expired, "refused the EKS token fedcred gave kubectl for sandbox-eks");
            assertThat(expired.err()).contains("this computer's clock must be right");
            assertThat(whoami(home, "sandbox-eks").exitCode()).as("fedcred made a new token").isZero();

            String url = SandboxKubeTokens.presignedUrl(token(cache)).toString();
            char last = url.charAt(url.length() - 1);
            plant(cache, SandboxKubeTokens.eksToken(url.substring(0, url.length() - 1) + (last == '0' ? '1' : '0')));
            assertExplainedOnce(whoami(home, "sandbox-eks"), "refused the EKS token");
            PeerProgram.Result after = whoami(home, "sandbox-eks");
            assertThat(after.exitCode()).as(after.err()).isZero();
            assertThat(after.err()).isEmpty();
        }
    }

    @Test
    void anIdTokenForAnotherAudienceIsExplainedWithTheAudienceAndTheFlag() throws Exception {
        try (InteropHome home = home(options -> options.withKubernetesOidcClientId("lab-cluster"))) {
            config(home, "sandbox-oidc");
            PeerProgram.Result whoami = whoami(home, "sandbox-oidc");
            assertRefusedAndExplainedOnce(whoami, "refused the OIDC token fedcred gave kubectl for sandbox-oidc");
            assertThat(whoami.err()).contains("for the audience fedcred-sandbox").contains("--oidc-client-id=fedcred-sandbox");
        }
    }

    @Test
    void afterSignOutKubectlGetsNoTokenAndSaysHowToSignIn() throws Exception {
        try (InteropHome home = home(options -> options)) {
            config(home, "sandbox-gke");
            assertThat(whoami(home, "sandbox-gke").exitCode()).isZero();
            PeerProgram.Result logout = home.fedcred("logout", "--issuer", "sandbox");
            assertThat(logout.exitCode()).as(logout.err()).isZero();

            PeerProgram.Result whoami = whoami(home, "sandbox-gke");
            assertThat(whoami.exitCode()).isNotZero();
            assertThat(whoami.out()).isEmpty();
            assertThat(whoami.err()).contains("Cannot get a Kubernetes token for sandbox-gke")
                    .contains("login --issuer sandbox").contains("Then run kubectl again.").doesNotContain(UNAUTHORIZED);
        }
    }

    private static String token(Path cache) throws Exception {
        return Json.MAPPER.readTree(Files.readString(cache)).path("sessions").path("sandbox-eks").path("token").asText();
    }

    /** Puts {@code token} in the cache in place of sandbox-eks's, its expiry kept. */
    private static void plant(Path cache, String token) throws Exception {
        ObjectNode root = (ObjectNode) Json.MAPPER.readTree(Files.readString(cache));
        ((ObjectNode) root.path("sessions").path("sandbox-eks")).put("token", token);
        Files.writeString(cache, Json.MAPPER.writeValueAsString(root));
    }
}
