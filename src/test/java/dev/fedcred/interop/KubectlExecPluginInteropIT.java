package dev.fedcred.interop;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import dev.fedcred.core.Json;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * The two sides of Kubernetes joined: the real kubectl runs fedcred's packaged jar as its exec
 * credential plugin (the user `fedcred kube config` writes) against the sandbox's API server, for
 * each source of the built-in entries: an EKS token from sandbox-aws's session, a GKE token from
 * sandbox-gcp, the issuer's own ID token. The sandbox authenticates each as the real clusters do.
 */
class KubectlExecPluginInteropIT {

    @TempDir
    Path dir;

    @Test
    void kubectlGetsEachSourcesTokenFromFedcredAndTheClusterKnowsTheUser() throws Exception {
        // Fails loudly (never skips) without kubectl: it ships with this machine image.
        Path kubectl = PeerProgram.kubectl();
        Path kubeconfig = dir.resolve("kubeconfig");
        Map<String, String> users = new LinkedHashMap<>();
        users.put("sandbox-eks", "arn:aws:sts::000000000000:assumed-role/fedcred-sandbox/sandbox.user@example.com");
        users.put("sandbox-gke", "fedcred-sandbox@fedcred-sandbox.iam.gserviceaccount.com");
        users.put("sandbox-oidc", "sandbox.user@example.com");
        try (InteropHome home = new InteropHome(dir.resolve("home"), Map.of("KUBECONFIG", kubeconfig.toString()))) {
            home.signIn();
            for (Map.Entry<String, String> entry : users.entrySet()) {
                String target = entry.getKey();
                PeerProgram.Result config = home.fedcred("kube", "config", target, "--server",
                        home.sandbox.endpoints().get("kubernetes"), "--certificate-authority",
                        home.sandbox.endpoints().get("kubernetes-ca"), "--context", target);
                assertThat(config.exitCode()).as(config.err()).isZero();

                PeerProgram.Result whoami = kubectl(kubectl, home, kubeconfig, target, "auth", "whoami", "-o", "json");
                assertThat(whoami.exitCode()).as(target + ": " + whoami.err()).isZero();
                JsonNode user = Json.MAPPER.readTree(whoami.out()).path("status").path("userInfo");
                assertThat(user.path("username").asText()).as(target).isEqualTo(entry.getValue());

                PeerProgram.Result version = kubectl(kubectl, home, kubeconfig, target, "get", "--raw", "/version");
                assertThat(version.exitCode()).as(target + ": " + version.err()).isZero();
                assertThat(Json.MAPPER.readTree(version.out()).path("gitVersion").asText()).startsWith("v1.");
            }
        }
    }

    /** kubectl as a user runs it: fedcred's environment (its home, the sandbox's ports) is the user's. */
    private static PeerProgram.Result kubectl(Path kubectl, InteropHome home, Path kubeconfig, String context,
                                              String... args) throws Exception {
        List<String> command = new ArrayList<>(List.of(kubectl.toString(), "--kubeconfig", kubeconfig.toString(),
                "--context", context));
        command.addAll(List.of(args));
        return PeerProgram.run(command, home.env, home.home);
    }
}
