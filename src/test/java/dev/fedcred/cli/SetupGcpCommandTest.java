package dev.fedcred.cli;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.node.ObjectNode;
import dev.fedcred.FedcredContext;
import dev.fedcred.core.Json;
import dev.fedcred.core.gcp.setup.GcloudApplied;
import dev.fedcred.core.gcp.setup.ShellReading;
import dev.fedcred.sandbox.GcpConfigFile;
import dev.fedcred.sandbox.SandboxGcp;
import dev.fedcred.sandbox.SandboxOptions;
import dev.fedcred.sandbox.SandboxServer;
import dev.fedcred.testing.CliRun;
import dev.fedcred.testing.FakeBrowser;
import dev.fedcred.testing.SandboxHome;
import java.net.URI;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Clock;
import java.util.HashMap;
import java.util.Map;
import java.util.function.Consumer;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * `fedcred setup gcp` end to end: the printed commands, run by bash, set up a second sandbox
 * playing the user's Google Cloud (the first is their issuer); `fedcred assume sandbox-gcp` then
 * works, and with the allowed audience changed it fails saying which audience to add. `--check`
 * names the same part in a provider file.
 */
class SetupGcpCommandTest {
    @TempDir
    Path home;

    private SandboxServer issuer;
    private FedcredContext context;

    @BeforeEach
    void signIn() {
        try {
            issuer = SandboxServer.start(SandboxOptions.defaults().withPort(0).withAutoApprove(true)
                    .withDataDir(home.resolve("issuer-data")));
        } catch (java.io.IOException e) {
            throw new AssertionError(e);
        }
        context = new FedcredContext(SandboxHome.environment(issuer, home), Clock.systemUTC(), new FakeBrowser());
        assertThat(CliRun.run(context, "login", "--issuer", "sandbox").exitCode()).isZero();
    }

    @AfterEach
    void stop() {
        issuer.close();
    }

    private ObjectNode appliedSetup() throws Exception {
        CliRun setup = CliRun.run(context, "setup", "gcp", "sandbox-gcp", "--project-id", SandboxGcp.PROJECT_ID,
                "--condition", "email");
        assertThat(setup.exitCode()).as(setup.err()).isZero();
        assertThat(setup.out()).contains("# Create the OIDC provider", "OAuth client ID as aud",
                "--allowed-audiences=fedcred-sandbox", "--member=" + SandboxGcp.principal(SandboxGcp.PROJECT_NUMBER,
                        SandboxGcp.POOL_ID, "sandbox-user-0001"));
        Path work = Files.createDirectory(home.resolve("bash"));
        return new GcloudApplied(SandboxGcp.PROJECT_NUMBER, ShellReading.gcloudCalls(setup.out(), work)).json();
    }

    /** Runs {@code args} against a sandbox Google Cloud holding {@code config}, as the built-in sandbox-gcp target. */
    private CliRun againstGoogle(ObjectNode config, String... args) throws Exception {
        GcpConfigFile.Contents contents = GcpConfigFile.parse(config);
        try (SandboxServer google = SandboxServer.start(SandboxOptions.defaults().withPort(0)
                .withDataDir(SandboxHome.sandboxDataDir(home)).withGcpProviders(contents.providers())
                .withGcpServiceAccounts(contents.serviceAccounts()))) {
            Map<String, String> env = new HashMap<>(SandboxHome.environment(issuer, home));
            env.put("FEDCRED_SANDBOX_GCP_PORT", String.valueOf(URI.create(google.endpoints().get("gcp-sts")).getPort()));
            return CliRun.run(new FedcredContext(env, Clock.systemUTC(), new FakeBrowser()), args);
        }
    }

    private static ObjectNode changed(ObjectNode config, Consumer<ObjectNode> change) {
        ObjectNode copy = config.deepCopy();
        change.accept(copy);
        return copy;
    }

    @Test
    void theCommandsItPrintsLetAssumeWorkAndAChangedAudienceIsNamed() throws Exception {
        ObjectNode config = appliedSetup();
        CliRun assume = againstGoogle(config, "assume", "sandbox-gcp");
        assertThat(assume.exitCode()).as(assume.err()).isZero();

        ObjectNode otherAudience = changed(config, c -> ((ObjectNode) c.get("providers").get(0).get("oidc"))
                .putArray("allowedAudiences").add("123-other.apps.googleusercontent.com"));
        CliRun refused = againstGoogle(otherAudience, "assume", "sandbox-gcp");
        assertThat(refused.exitCode()).isEqualTo(1);
        assertThat(refused.err()).contains("does not allow the token's audience fedcred-sandbox",
                "--allowed-audiences=fedcred-sandbox");
    }

    @Test
    void checkNamesTheFailingPartOfAProviderFile() throws Exception {
        ObjectNode provider = (ObjectNode) appliedSetup().get("providers").get(0);
        Path file = home.resolve("provider.json");
        Json.MAPPER.writeValue(file.toFile(), provider);
        CliRun fits = CliRun.run(context, "setup", "gcp", "sandbox-gcp", "--check", file.toString());
        assertThat(fits.exitCode()).as(fits.out() + fits.err()).isZero();
        assertThat(fits.out()).contains("The provider accepts your token");

        provider.put("attributeCondition", "assertion.email == 'someone@example.com'");
        ((ObjectNode) provider.get("oidc")).putArray("allowedAudiences");
        Json.MAPPER.writeValue(file.toFile(), provider);
        CliRun check = CliRun.run(context, "setup", "gcp", "sandbox-gcp", "--check", file.toString());
        assertThat(check.exitCode()).isEqualTo(1);
        assertThat(check.out()).contains("Audience: the token's aud is fedcred-sandbox",
                "no allowed audiences are set", "--allowed-audiences=fedcred-sandbox",
                "Condition: assertion.email == 'someone@example.com' is false for this token");
    }

    @Test
    void beforeTheTargetExistsTheNumbersAreOptionsAndTerraformIsOneFlagAway() {
        CliRun terraform = CliRun.run(context, "setup", "gcp", "--project-number", "123456789012", "--pool", "my-pool",
                "--provider", "my-provider", "--service-account", "robot@my-project.iam.gserviceaccount.com", "--whole-pool",
                "--terraform");
        assertThat(terraform.exitCode()).as(terraform.err()).isZero();
        assertThat(terraform.out()).contains("resource \"google_iam_workload_identity_pool_provider\" \"fedcred\"",
                "allowed_audiences = [\"fedcred-sandbox\"]",
                "principalSet://iam.googleapis.com/projects/123456789012/locations/global/workloadIdentityPools/my-pool/*");
        CliRun missing = CliRun.run(context, "setup", "gcp", "--pool", "my-pool");
        assertThat(missing.exitCode()).isEqualTo(1);
        assertThat(missing.err()).contains("--project-number, --pool and --provider");
    }
}
