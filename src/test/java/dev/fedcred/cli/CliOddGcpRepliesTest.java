package dev.fedcred.cli;

import static org.assertj.core.api.Assertions.assertThat;

import dev.fedcred.FedcredContext;
import dev.fedcred.sandbox.GcpFaults.Endpoint;
import dev.fedcred.sandbox.SandboxOptions;
import dev.fedcred.sandbox.SandboxServer;
import dev.fedcred.testing.CliRun;
import dev.fedcred.testing.FakeBrowser;
import dev.fedcred.testing.SandboxHome;
import java.nio.file.Path;
import java.time.Clock;
import java.time.Instant;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * `assume sandbox-gcp` and `gcp print-access-token` against Google replies real Google never
 * sends: exit 1, one "fedcred: ..." line, no stack trace, no token printed, no ADC file written.
 */
class CliOddGcpRepliesTest {
    @TempDir
    static Path home;
    private static SandboxServer sandbox;
    private static FedcredContext context;

    @BeforeAll
    static void signIn() throws Exception {
        sandbox = SandboxServer.start(SandboxOptions.defaults().withPort(0).withAutoApprove(true)
                .withDataDir(SandboxHome.sandboxDataDir(home)));
        context = new FedcredContext(SandboxHome.environment(sandbox, home), Clock.systemUTC(), new FakeBrowser());
        CliRun login = CliRun.run(context, "login", "--issuer", "sandbox");
        assertThat(login.exitCode()).as(login.err()).isZero();
    }

    @AfterEach
    void clearFaults() {
        sandbox.gcpFaults().clear();
    }

    @AfterAll
    static void stop() {
        sandbox.close();
    }

    private static Path sandboxAdc() {
        return home.resolve("fedcred/state/sandbox/gcp-application_default_credentials.json");
    }

    @Test
    void anExpiredImpersonatedTokenIsNeitherWrittenNorPrinted() {
        sandbox.gcpFaults().accessTokenNext(Endpoint.IAM_CREDENTIALS, 200, Instant.now().minusSeconds(60));
        CliRun assume = CliRun.run(context, "assume", "sandbox-gcp");
        assertThat(assume.exitCode()).isEqualTo(1);
        assertOneLineOfAdvice(assume, "expired at");
        assertThat(sandboxAdc()).doesNotExist();

        sandbox.gcpFaults().accessTokenNext(Endpoint.IAM_CREDENTIALS, 200, Instant.now().minusSeconds(60));
        CliRun print = CliRun.run(context, "gcp", "print-access-token", "sandbox-gcp");
        assertThat(print.exitCode()).isEqualTo(1);
        assertOneLineOfAdvice(print, "expired at");
        assertThat(print.out()).isEmpty();
    }

    @Test
    void anEndlessGoogleStsReplyIsNamedWithItsLimit() {
        sandbox.gcpFaults().endlessReplyNext(Endpoint.STS, 200L * 1024 * 1024);
        CliRun print = CliRun.run(context, "gcp", "print-access-token", "sandbox-gcp");
        assertThat(print.exitCode()).isEqualTo(1);
        assertOneLineOfAdvice(print, "Google STS reply");
        assertThat(print.err()).contains("larger than 1 MiB");
        assertThat(print.out()).isEmpty();
    }

    @Test
    void aProxysPageSaysSo() {
        sandbox.gcpFaults().htmlPageNext(Endpoint.STS, 200);
        CliRun assume = CliRun.run(context, "assume", "sandbox-gcp");
        assertThat(assume.exitCode()).isEqualTo(1);
        assertOneLineOfAdvice(assume, "not as Google does");
        assertThat(sandboxAdc()).doesNotExist();
    }

    private static void assertOneLineOfAdvice(CliRun run, String expected) {
        assertThat(run.err()).startsWith("fedcred: ").contains(expected)
                .doesNotContain("Exception").doesNotContain("\tat ").doesNotContain("Cannot reach");
        assertThat(run.err().strip().lines()).hasSize(1);
    }
}
