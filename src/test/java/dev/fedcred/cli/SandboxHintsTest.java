package dev.fedcred.cli;

import static org.assertj.core.api.Assertions.assertThat;

import dev.fedcred.FedcredContext;
import dev.fedcred.sandbox.SandboxOptions;
import dev.fedcred.sandbox.SandboxServer;
import dev.fedcred.testing.CliRun;
import dev.fedcred.testing.FakeBrowser;
import dev.fedcred.testing.SandboxHome;
import java.nio.file.Path;
import java.time.Clock;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** What `assume` tells a user to run next must work against the sandbox, not reach real clouds. */
class SandboxHintsTest {
    @TempDir
    Path home;

    private SandboxServer sandbox;
    private FedcredContext context;

    @BeforeEach
    void start() throws Exception {
        sandbox = SandboxServer.start(SandboxOptions.defaults().withPort(0).withAutoApprove(true)
                .withDataDir(SandboxHome.sandboxDataDir(home)));
        context = new FedcredContext(SandboxHome.environment(sandbox, home), Clock.systemUTC(), new FakeBrowser());
        CliRun login = CliRun.run(context, "login", "--issuer", "sandbox");
        assertThat(login.exitCode()).as(login.err()).isZero();
    }

    @AfterEach
    void stop() {
        sandbox.close();
    }

    @Test
    void theAwsHintSendsTheAwsCliToTheSandboxSts() {
        CliRun assume = CliRun.run(context, "assume", "sandbox-aws");
        assertThat(assume.exitCode()).as(assume.err()).isZero();
        assertThat(assume.out()).contains("Use it with: aws --profile fedcred-sandbox sts get-caller-identity --endpoint-url "
                + sandbox.endpoints().get("aws-sts"));
    }

    @Test
    void theGcpHintNamesTheSandboxCaForEveryClientAndTheProjectForPython() {
        CliRun assume = CliRun.run(context, "assume", "sandbox-gcp");
        assertThat(assume.exitCode()).as(assume.err()).isZero();
        String ca = sandbox.gcpCaFile().toString();
        assertThat(assume.out()).contains("export REQUESTS_CA_BUNDLE=" + ca)
                .contains("NODE_EXTRA_CA_CERTS=" + ca)
                .contains("CLOUDSDK_CORE_CUSTOM_CA_CERTS_FILE=" + ca)
                .contains("GOOGLE_CLOUD_PROJECT=fedcred-sandbox")
                // the test runs fedcred from target/classes, not from a jar or the installed launcher
                .contains("CLOUDSDK_AUTH_ACCESS_TOKEN=$(fedcred gcp print-access-token sandbox-gcp)");
    }
}
