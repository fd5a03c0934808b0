package dev.fedcred.cli;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.dataformat.yaml.YAMLMapper;
import dev.fedcred.FedcredContext;
import dev.fedcred.core.oidc.BrowserOpener;
import dev.fedcred.testing.CliRun;
import java.io.File;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Clock;
import java.util.HashMap;
import java.util.Map;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** `fedcred kube config` merges its entries into a real kubeconfig file and keeps everything else. */
class CliKubeConfigTest {
    static final String EXISTING = """
            apiVersion: v1
            kind: Config
            current-context: work
            preferences: {}
            clusters:
            - name: work-cluster
              cluster:
                server: https://work.example.com
                certificate-authority-data: QUJD
            users:
            - name: work-user
              user:
                token: abc
            contexts:
            - name: work
              context:
                cluster: work-cluster
                user: work-user
                namespace: team
            """;

    @TempDir
    Path home;

    private FedcredContext context(Map<String, String> more) {
        Map<String, String> env = new HashMap<>(Map.of("HOME", home.toString(), "FEDCRED_HOME", home.resolve("fedcred").toString()));
        env.putAll(more);
        return new FedcredContext(env, Clock.systemUTC(), BrowserOpener.NONE);
    }

    private static JsonNode yaml(Path file) throws Exception {
        return new YAMLMapper().readTree(file.toFile());
    }

    private static JsonNode named(JsonNode list, String name) {
        for (JsonNode entry : list) {
            if (name.equals(entry.path("name").asText())) {
                return entry;
            }
        }
        return null;
    }

    @Test
    void addsUserClusterAndContextToKubeconfigsFirstFileKeepingTheRest() throws Exception {
        Path first = home.resolve("kube/first");
        Path second = home.resolve("kube/second");
        Files.createDirectories(first.getParent());
        Files.writeString(first, EXISTING);
        Files.writeString(second, "kept: as is\n");
        FedcredContext context = context(Map.of("KUBECONFIG", first + File.pathSeparator + second));

        CliRun run = CliRun.run(context, "kube", "config", "sandbox-eks", "--cluster", "eks", "--server",
                "https://eks.example.com", "--certificate-authority", home.resolve("ca.pem").toString(), "--context", "eks-ctx");

        assertThat(run.exitCode()).as(run.err()).isZero();
        assertThat(run.out()).contains("the context eks-ctx").contains(first.toString());
        JsonNode config = yaml(first);
        assertThat(config.path("current-context").asText()).isEqualTo("work");
        assertThat(named(config.path("clusters"), "work-cluster").path("cluster").path("certificate-authority-data").asText()).isEqualTo("QUJD");
        assertThat(named(config.path("users"), "work-user").path("user").path("token").asText()).isEqualTo("abc");
        assertThat(named(config.path("contexts"), "work").path("context").path("namespace").asText()).isEqualTo("team");
        JsonNode cluster = named(config.path("clusters"), "eks").path("cluster");
        assertThat(cluster.path("server").asText()).isEqualTo("https://eks.example.com");
        assertThat(cluster.path("certificate-authority").asText()).isEqualTo(home.resolve("ca.pem").toString());
        JsonNode exec = named(config.path("users"), "fedcred-sandbox-eks").path("user").path("exec");
        assertThat(exec.path("apiVersion").asText()).isEqualTo("client.authentication.k8s.io/v1");
        assertThat(exec.path("interactiveMode").asText()).isEqualTo("IfAvailable");
        assertThat(exec.path("provideClusterInfo").asBoolean(true)).isFalse();
        assertThat(exec.path("args").toString()).endsWith("\"kube\",\"credential\",\"sandbox-eks\"]");
        JsonNode ctx = named(config.path("contexts"), "eks-ctx").path("context");
        assertThat(ctx.path("cluster").asText()).isEqualTo("eks");
        assertThat(ctx.path("user").asText()).isEqualTo("fedcred-sandbox-eks");
        assertThat(Files.readString(second)).isEqualTo("kept: as is\n");
        assertThat(Files.readString(home.resolve("kube/first.fedcred-backup"))).isEqualTo(EXISTING);
        assertThat(java.nio.file.attribute.PosixFilePermissions.toString(Files.getPosixFilePermissions(first))).isEqualTo("rw-------");

        // again: fedcred's own user is updated in place, not refused, and the backup keeps the first version
        CliRun again = CliRun.run(context, "kube", "config", "sandbox-eks", "--cluster", "eks", "--server",
                "https://eks2.example.com", "--context", "eks-ctx");
        assertThat(again.exitCode()).as(again.err()).isZero();
        assertThat(named(yaml(first).path("clusters"), "eks").path("cluster").path("server").asText()).isEqualTo("https://eks2.example.com");
        assertThat(yaml(first).path("users").size()).isEqualTo(2);
        assertThat(Files.readString(home.resolve("kube/first.fedcred-backup"))).isEqualTo(EXISTING);
    }

    @Test
    void aUserFedcredDidNotWriteIsReplacedOnlyWithForce() throws Exception {
        Path config = home.resolve(".kube/config");
        Files.createDirectories(config.getParent());
        String mine = EXISTING.replace("name: work-user", "name: fedcred-sandbox-oidc").replace("user: work-user", "user: fedcred-sandbox-oidc");
        Files.writeString(config, mine);
        FedcredContext context = context(Map.of());

        CliRun refused = CliRun.run(context, "kube", "config", "sandbox-oidc");
        assertThat(refused.exitCode()).isEqualTo(1);
        assertThat(refused.err()).contains("has a user \"fedcred-sandbox-oidc\" that fedcred did not write").contains("--force");
        assertThat(Files.readString(config)).isEqualTo(mine);

        CliRun forced = CliRun.run(context, "kube", "config", "sandbox-oidc", "--force");
        assertThat(forced.exitCode()).as(forced.err()).isZero();
        JsonNode user = named(yaml(config).path("users"), "fedcred-sandbox-oidc").path("user");
        assertThat(user.has("token")).isFalse();
        assertThat(user.path("exec").path("args").toString()).contains("sandbox-oidc");
        assertThat(named(yaml(config).path("clusters"), "fedcred-sandbox-oidc").path("cluster").path("server").asText())
                .as("the built-in target's server").endsWith("/k8s").startsWith("https://127.0.0.1:");
    }

    @Test
    void printShowsTheYamlAndWritesNothing() throws Exception {
        FedcredContext context = context(Map.of());

        CliRun run = CliRun.run(context, "kube", "config", "sandbox-gke", "--print");

        assertThat(run.exitCode()).as(run.err()).isZero();
        JsonNode printed = new YAMLMapper().readTree(run.out());
        assertThat(printed.path("kind").asText()).isEqualTo("Config");
        assertThat(named(printed.path("users"), "fedcred-sandbox-gke")).isNotNull();
        assertThat(home.resolve(".kube/config")).doesNotExist();
    }

    @Test
    void setupPrintsTheClusterSideWithTheValuesFedcredKnows() {
        FedcredContext context = context(Map.of());
        assertThat(CliRun.run(context, "kube", "setup", "sandbox-eks").out())
                .contains("aws eks create-access-entry --cluster-name fedcred-sandbox-eks --region us-east-1 --principal-arn"
                        + " arn:aws:iam::000000000000:role/fedcred-sandbox");
        assertThat(CliRun.run(context, "kube", "setup", "sandbox-gke").out())
                .contains("--member serviceAccount:fedcred-sandbox@fedcred-sandbox.iam.gserviceaccount.com");
        assertThat(CliRun.run(context, "kube", "setup", "sandbox-oidc").out())
                .contains("--oidc-issuer-url=http://127.0.0.1:").contains("--oidc-client-id=fedcred-sandbox");
    }
}
