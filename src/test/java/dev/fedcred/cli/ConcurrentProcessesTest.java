package dev.fedcred.cli;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import dev.fedcred.FedcredContext;
import dev.fedcred.core.Json;
import dev.fedcred.core.oidc.IssuerConfig;
import dev.fedcred.core.oidc.IssuerKind;
import dev.fedcred.core.aws.AwsRoleTarget;
import dev.fedcred.core.gcp.GcpWorkloadTarget;
import dev.fedcred.core.settings.TargetRegistry;
import dev.fedcred.sandbox.SandboxOptions;
import dev.fedcred.sandbox.SandboxServer;
import dev.fedcred.testing.CliChild;
import dev.fedcred.testing.CliRun;
import dev.fedcred.testing.FakeBrowser;
import dev.fedcred.testing.SandboxHome;
import java.io.BufferedReader;
import java.io.InputStreamReader;
import java.io.OutputStream;
import java.net.URI;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Clock;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.TreeSet;
import java.util.concurrent.TimeUnit;
import java.util.stream.IntStream;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.Timeout;
import org.junit.jupiter.api.io.TempDir;

/**
 * Several fedcred processes updating the same state files at once, as parallel AWS CLI calls
 * running {@code credential_process} and the app renewing while the CLI runs do: every process's
 * entries must survive. Each process writes several entries of its own, each once, so any lost
 * update shows as a missing entry at the end.
 */
class ConcurrentProcessesTest {
    private static final int PROCESSES = 6;
    private static final int EACH = 4;

    @TempDir
    Path home;
    private SandboxServer sandbox;
    private Map<String, String> env;
    private FedcredContext context;
    private final List<Process> children = new ArrayList<>();

    @BeforeEach
    void startSandbox() throws Exception {
        sandbox = SandboxServer.start(SandboxOptions.defaults().withPort(0).withAutoApprove(true)
                .withDataDir(SandboxHome.sandboxDataDir(home)));
        env = SandboxHome.environment(sandbox, home);
        context = new FedcredContext(env, Clock.systemUTC(), new FakeBrowser());
    }

    @AfterEach
    void stop() {
        children.forEach(Process::destroyForcibly);
        sandbox.close();
    }

    @Test
    @Timeout(180)
    void processesSigningInToDifferentIssuersAtOnceKeepEverySignIn() throws Exception {
        List<List<String>> issuers = names("issuer");
        issuers.stream().flatMap(List::stream).forEach(name -> context.issuerEditor().add(new IssuerConfig(name,
                IssuerKind.GENERIC, sandbox.issuerUri(), "fedcred-sandbox", null, null, null)));

        runTogether("login", "--issuer", issuers);

        JsonNode tokens = Json.MAPPER.readTree(state("tokens.json").toFile()).path("tokens");
        assertThat(fieldNames(tokens)).containsExactlyInAnyOrderElementsOf(flat(issuers));
    }

    @Test
    @Timeout(180)
    void processesAssumingDifferentTargetsAtOnceKeepEverySession() throws Exception {
        signInToTheSandbox();
        List<List<String>> targets = names("target");
        URI sts = URI.create(sandbox.issuerUri() + "/aws-sts");
        flat(targets).forEach(name -> context.targets().add(new AwsRoleTarget(name, TargetRegistry.SANDBOX_AWS_ROLE,
                "profile-" + name, "us-east-1", AwsRoleTarget.DEFAULT_DURATION, null, "sandbox", sts)));

        runTogether("assume", "-", targets);

                assertThat(fieldNames(Json.MAPPER.readTree(state("aws-sessions.json").toFile()).path("sessions")))
                .containsExactlyInAnyOrderElementsOf(flat(targets));
        String credentials = Files.readString(home.resolve("aws/credentials"));
        flat(targets).forEach(name -> assertThat(credentials).contains("[profile-" + name + "]"));
    }

    @Test
    @Timeout(180)
    void processesFetchingGcpTokensForDifferentTargetsAtOnceKeepEveryToken() throws Exception {
        signInToTheSandbox();
        List<List<String>> targets = names("gcp");
        GcpWorkloadTarget sandboxGcp = (GcpWorkloadTarget) context.targets().resolve(TargetRegistry.SANDBOX_GCP);
        flat(targets).forEach(name -> context.targets().add(new GcpWorkloadTarget(name, sandboxGcp.projectNumber(),
                sandboxGcp.poolId(), sandboxGcp.providerId(), sandboxGcp.serviceAccount(), sandboxGcp.scopes(),
                sandboxGcp.tokenLifetime(), home.resolve("adc-" + name + ".json"), "sandbox", sandboxGcp.stsEndpoint(),
                sandboxGcp.iamCredentialsEndpoint(), sandboxGcp.trustedCaFile())));

        runTogether("gcp", "print-access-token", targets);

        assertThat(fieldNames(Json.MAPPER.readTree(state("gcp-tokens.json").toFile()).path("sessions")))
                .containsExactlyInAnyOrderElementsOf(flat(targets));
    }

    /** PROCESSES lists of EACH names. */
    private static List<List<String>> names(String prefix) {
        return IntStream.range(0, PROCESSES).mapToObj(p -> IntStream.range(0, EACH)
                .mapToObj(i -> prefix + "-" + p + "-" + i).toList()).toList();
    }

    private static List<String> flat(List<List<String>> names) {
        return names.stream().flatMap(List::stream).toList();
    }

    private static TreeSet<String> fieldNames(JsonNode node) {
        TreeSet<String> names = new TreeSet<>();
        node.fieldNames().forEachRemaining(names::add);
        return names;
    }

    /** Starts one child per list, lets them all go at once and waits until each has succeeded. */
    private void runTogether(String command, String option, List<List<String>> namesPerProcess) throws Exception {
        for (List<String> names : namesPerProcess) {
            List<String> line = new ArrayList<>(List.of(Path.of(System.getProperty("java.home"), "bin", "java").toString(),
                    "-XX:TieredStopAtLevel=1", "-Djava.awt.headless=true", "-cp", System.getProperty("java.class.path"),
                    CliChild.class.getName(), command, option));
            line.addAll(names);
            ProcessBuilder builder = new ProcessBuilder(line).redirectError(ProcessBuilder.Redirect.INHERIT);
            builder.environment().clear();
            builder.environment().put("PATH", System.getenv().getOrDefault("PATH", "/usr/bin:/bin"));
            builder.environment().putAll(env);
            children.add(builder.start());
        }
        for (Process child : children) {
            BufferedReader out = new BufferedReader(new InputStreamReader(child.getInputStream(), StandardCharsets.UTF_8));
            assertThat(out.readLine()).as("child started").isEqualTo("ready");
        }
        for (Process child : children) {
            OutputStream in = child.getOutputStream();
            in.write("go\n".getBytes(StandardCharsets.UTF_8));
            in.flush();
        }
        for (Process child : children) {
            assertThat(child.waitFor(120, TimeUnit.SECONDS)).as("child finished").isTrue();
            assertThat(child.exitValue()).as("child exit code").isZero();
        }
    }

    private void signInToTheSandbox() {
        CliRun login = CliRun.run(context, "login", "--issuer", "sandbox");
        assertThat(login.exitCode()).as(login.err()).isZero();
    }

    private Path state(String file) {
        return SandboxHome.fedcredHome(home).resolve("state").resolve(file);
    }
}
