package dev.fedcred.core.kube;

import static org.assertj.core.api.Assertions.assertThat;

import dev.fedcred.FedcredContext;
import dev.fedcred.core.targets.Target;
import dev.fedcred.core.targets.TargetKinds;
import dev.fedcred.core.targets.TargetPresentation;
import dev.fedcred.sandbox.SandboxOptions;
import dev.fedcred.sandbox.SandboxServer;
import dev.fedcred.testing.CliRun;
import dev.fedcred.testing.FakeBrowser;
import dev.fedcred.testing.SandboxHome;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Clock;
import java.util.HashMap;
import java.util.Map;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * A Kubernetes target through the generic machinery every kind shares: added by `targets add
 * kubernetes`, shown by its presentation (source, cluster), its cached token forgotten on sign-out
 * of its source's issuer, and Remove taking out only fedcred's kubeconfig user.
 */
class KubeTargetLifecycleTest {
    @TempDir
    Path home;

    private SandboxServer sandbox;
    private FedcredContext context;

    @BeforeEach
    void start() throws Exception {
        sandbox = SandboxServer.start(SandboxOptions.defaults().withPort(0).withAutoApprove(true)
                .withDataDir(SandboxHome.sandboxDataDir(home)));
        Map<String, String> env = new HashMap<>(SandboxHome.environment(sandbox, home));
        env.put("KUBECONFIG", home.resolve("kubeconfig").toString());
        context = new FedcredContext(env, Clock.systemUTC(), new FakeBrowser());
        CliRun login = CliRun.run(context, "login", "--issuer", "sandbox");
        assertThat(login.exitCode()).as(login.err()).isZero();
    }

    @AfterEach
    void stop() {
        sandbox.close();
    }

    private TargetKinds.Bound<?> bound(String name) {
        Target target = context.targets().resolve(name);
        return context.kinds().of(target);
    }

    @Test
    void addedByKeyValueShownWithItsSourceAndClusterAndSigningInThroughItsSource() {
        CliRun add = CliRun.run(context, "targets", "add", "kubernetes", "prod-eks", "source=sandbox-aws-chained",
                "cluster=prod", "server=https://prod.example.com");
        assertThat(add.exitCode()).as(add.err()).isZero();

        TargetKinds.Bound<?> bound = bound("prod-eks");
        assertThat(bound.id()).isEqualTo(KubeKind.ID);
        assertThat(context.targets().issuerOf(bound.target())).as("through the chain to sandbox-aws").isEqualTo("sandbox");
        TargetPresentation row = bound.kind() instanceof KubeKind kind
                ? kind.presentation((KubeTarget) bound.target(), bound.credentialsFile()) : null;
        assertThat(row).isNotNull();
        assertThat(row.details()).extracting(TargetPresentation.Line::text)
                .containsExactly("EKS via sandbox-aws-chained", "cluster prod", "https://prod.example.com");
        assertThat(row.getLabel()).isEqualTo("Get token");

        CliRun token = CliRun.run(context, "kube", "credential", "prod-eks");
        assertThat(token.exitCode()).as("a chained role's session signs the EKS token: " + token.err()).isZero();
        assertThat(token.out()).contains("k8s-aws-v1.");
    }

    @Test
    void signingOutForgetsTheCachedTokenSoKubectlIsToldToSignIn() {
        assertThat(CliRun.run(context, "kube", "credential", "sandbox-eks").exitCode()).isZero();
        assertThat(bound("sandbox-eks").cachedExpiry()).isPresent();

        assertThat(CliRun.run(context, "logout", "--issuer", "sandbox").exitCode()).isZero();

        assertThat(bound("sandbox-eks").cachedExpiry()).isEmpty();
        assertThat(CliRun.run(context, "kube", "credential", "sandbox-eks").exitCode()).isEqualTo(3);
    }

    @Test
    void removeTakesOutOnlyFedcredsUserAndItsContext() throws Exception {
        Path kubeconfig = home.resolve("kubeconfig");
        Files.writeString(kubeconfig, """
                apiVersion: v1
                kind: Config
                current-context: work
                users:
                - name: work-user
                  user:
                    token: abc
                contexts:
                - name: work
                  context:
                    cluster: work
                    user: work-user
                """);
        assertThat(CliRun.run(context, "kube", "config", "sandbox-oidc").exitCode()).isZero();
        assertThat(bound("sandbox-oidc").writtenByFedcred()).isTrue();
        assertThat(bound("sandbox-gke").writtenByFedcred()).isFalse();

        assertThat(bound("sandbox-oidc").removeWritten().notice()).startsWith("Removed the kubectl user fedcred-sandbox-oidc");

        assertThat(bound("sandbox-oidc").writtenByFedcred()).isFalse();
        String after = Files.readString(kubeconfig);
        assertThat(after).contains("work-user").contains("current-context: work").doesNotContain("fedcred-sandbox-oidc\n  context")
                .doesNotContain("name: sandbox-oidc");
    }
}
