package dev.fedcred.interop;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import dev.fedcred.FedcredContext;
import dev.fedcred.core.Json;
import dev.fedcred.core.oidc.BrowserOpener;
import dev.fedcred.testing.CliRun;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Clock;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * kubectl (which this machine image ships as /usr/bin/kubectl) reads the kubeconfig `fedcred kube
 * config` writes: the other entries and the current context as they were, fedcred's exec user as
 * kubectl's own model has it; and kubectl's own rewrite of the file keeps fedcred's ownership marker.
 *
 * <p>Without kubectl this test fails, saying so ({@link PeerProgram#kubectl()}).
 */
class KubectlConfigInteropIT {
    private static final String EXISTING = """
            apiVersion: v1
            kind: Config
            current-context: work
            clusters:
            - name: work-cluster
              cluster:
                server: https://work.example.com
            users:
            - name: work-user
              user:
                token: abc
            contexts:
            - name: work
              context:
                cluster: work-cluster
                user: work-user
            """;

    @TempDir
    Path dir;

    private JsonNode view(Path config) throws Exception {
        PeerProgram.Result view = kubectl(config, "config", "view", "-o", "json");
        assertThat(view.exitCode()).as(view.err()).isZero();
        return Json.MAPPER.readTree(view.out());
    }

    private PeerProgram.Result kubectl(Path config, String... args) throws Exception {
        List<String> command = new java.util.ArrayList<>(List.of(PeerProgram.kubectl().toString(), "--kubeconfig", config.toString()));
        command.addAll(List.of(args));
        return PeerProgram.run(command, Map.of("HOME", dir.toString()), dir);
    }

    @Test
    void kubectlReadsWhatFedcredWroteAndKeepsItsMarkerWhenItWritesTheFile() throws Exception {
        Path config = dir.resolve("kubeconfig");
        Files.writeString(config, EXISTING);
        FedcredContext context = new FedcredContext(Map.of("HOME", dir.toString(), "FEDCRED_HOME",
                dir.resolve("fedcred").toString(), "KUBECONFIG", config.toString()), Clock.systemUTC(), BrowserOpener.NONE);

        CliRun added = CliRun.run(context, "kube", "config", "sandbox-eks");
        assertThat(added.exitCode()).as(added.err()).isZero();

        JsonNode view = view(config);
        assertThat(view.path("current-context").asText()).isEqualTo("work");
        assertThat(view.path("users").toString()).contains("\"work-user\"").contains("\"fedcred-sandbox-eks\"");
        assertThat(view.path("clusters").toString()).contains("work-cluster").contains("/k8s");
        JsonNode exec = null;
        for (JsonNode user : view.path("users")) {
            if (user.path("name").asText().equals("fedcred-sandbox-eks")) {
                exec = user.path("user").path("exec");
            }
        }
        assertThat(exec).isNotNull();
        assertThat(exec.path("apiVersion").asText()).isEqualTo("client.authentication.k8s.io/v1");
        assertThat(exec.path("interactiveMode").asText()).isEqualTo("IfAvailable");
        assertThat(exec.path("args").toString()).endsWith("\"kube\",\"credential\",\"sandbox-eks\"]");

        // kubectl rewrites the file its own way; fedcred still knows its user there
        assertThat(kubectl(config, "config", "use-context", "sandbox-eks").exitCode()).isZero();
        CliRun again = CliRun.run(context, "kube", "config", "sandbox-eks");
        assertThat(again.exitCode()).as(again.err()).isZero();
        assertThat(view(config).path("current-context").asText()).isEqualTo("sandbox-eks");
    }
}
