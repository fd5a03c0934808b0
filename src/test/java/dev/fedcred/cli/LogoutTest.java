package dev.fedcred.cli;

import static org.assertj.core.api.Assertions.assertThat;

import dev.fedcred.FedcredContext;
import dev.fedcred.sandbox.SandboxOptions;
import dev.fedcred.sandbox.SandboxServer;
import dev.fedcred.testing.ChildJvm;
import dev.fedcred.testing.CliRun;
import dev.fedcred.testing.FakeBrowser;
import dev.fedcred.testing.SandboxHome;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Clock;
import java.util.Map;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** After `fedcred logout` nothing of that issuer is handed out any more: not from the caches, and on request not from the files. */
class LogoutTest {
    @TempDir
    Path home;

    private SandboxServer sandbox;
    private Map<String, String> env;
    private FedcredContext context;

    @BeforeEach
    void start() throws Exception {
        sandbox = SandboxServer.start(SandboxOptions.defaults().withPort(0).withAutoApprove(true)
                .withDataDir(SandboxHome.sandboxDataDir(home)));
        env = SandboxHome.environment(sandbox, home);
        context = new FedcredContext(env, Clock.systemUTC(), new FakeBrowser());
    }

    @AfterEach
    void stop() {
        sandbox.close();
    }

    private void signInAndGetBoth() {
        assertThat(CliRun.run(context, "login", "--issuer", "sandbox").exitCode()).isZero();
        assertThat(CliRun.run(context, "assume", "sandbox-aws").exitCode()).isZero();
        assertThat(CliRun.run(context, "assume", "sandbox-gcp").exitCode()).isZero();
        assertThat(CliRun.run(context, "gcp", "print-access-token", "sandbox-gcp").exitCode()).isZero();
    }

    private Path credentials() {
        return home.resolve("aws/credentials");
    }

    private Path sandboxAdc() {
        return SandboxHome.sandboxDataDir(home).resolve("gcp-application_default_credentials.json");
    }

    @Test
    void afterLogoutCredentialProcessAndPrintAccessTokenNeedASignIn() throws Exception {
        signInAndGetBoth();
        // the AWS CLI's way: a fresh process, answered from the cache before the full command runs
        ChildJvm cached = ChildJvm.runMain(home, env, "credential-process", "sandbox-aws");
        assertThat(cached.exitCode()).as(cached.err()).isZero();

        CliRun logout = CliRun.run(context, "logout");
        assertThat(logout.exitCode()).isZero();
        assertThat(logout.out()).contains("Signed out of sandbox (sandbox).");

        ChildJvm process = ChildJvm.runMain(home, env, "credential-process", "sandbox-aws");
        assertThat(process.exitCode()).as(process.out()).isEqualTo(3);
        assertThat(process.out()).isEmpty();
        assertThat(process.err()).contains("fedcred login --issuer sandbox");
        CliRun token = CliRun.run(context, "gcp", "print-access-token", "sandbox-gcp");
        assertThat(token.exitCode()).isEqualTo(3);
        assertThat(token.out()).isEmpty();
        // without --remove-credentials the written files stay, as logout's help says
        assertThat(Files.readString(credentials())).contains("[fedcred-sandbox]");
        assertThat(sandboxAdc()).exists();
    }

    @Test
    void logoutWithRemoveCredentialsAlsoRemovesTheProfilesAndAdcFilesFedcredWrote() throws Exception {
        signInAndGetBoth();
        Files.writeString(credentials(), "[mine]\naws_access_key_id = AKIAFAKEHANDWRITTEN1\naws_secret_access_key = fake\n",
                java.nio.file.StandardOpenOption.APPEND);

        CliRun logout = CliRun.run(context, "logout", "--issuer", "sandbox", "--remove-credentials");
        assertThat(logout.exitCode()).as(logout.err()).isZero();
        assertThat(logout.out()).contains("Signed out of sandbox (sandbox).")
                .contains("Removed the profile fedcred-sandbox from " + credentials() + ".")
                .contains("Removed the Google ADC file " + sandboxAdc() + ".");
        assertThat(Files.readString(credentials())).doesNotContain("fedcred-sandbox").contains("[mine]");
        assertThat(sandboxAdc()).doesNotExist();
        assertThat(CliRun.run(context, "credential-process", "sandbox-aws").exitCode()).isEqualTo(3);
    }
}
