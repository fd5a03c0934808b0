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

/**
 * A plain {@code fedcred assume TARGET} in a new process is answered before picocli is loaded, and
 * says exactly what the full command says, failures and exit codes included.
 */
class DirectAssumeTest {
    @TempDir
    Path home;
    @TempDir
    Path work;

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

    private void signIn() {
        CliRun login = CliRun.run(context, "login", "--issuer", "sandbox");
        assertThat(login.exitCode()).as(login.err()).isZero();
    }

    @Test
    void writesTheProfileAndSaysSoAsTheFullCommandDoes() throws Exception {
        signIn();
        ChildJvm direct = ChildJvm.runMain(work, env, "assume", "sandbox-aws");
        CliRun full = CliRun.run(context, "assume", "sandbox-aws");

        assertThat(direct.exitCode()).as(direct.err()).isZero();
        assertThat(direct.err()).isEmpty();
        assertThat(direct.loadedFrom("picocli.")).isEmpty();
        // the same lines but for the expiry time of each one's own credentials
        assertThat(withoutTimes(direct.out())).isEqualTo(withoutTimes(full.out())).contains("Wrote AWS profile fedcred-sandbox");
        assertThat(Files.readString(Path.of(env.get("AWS_SHARED_CREDENTIALS_FILE")))).contains("[fedcred-sandbox]");
    }

    @Test
    void aProfileFedcredDidNotWriteIsRefusedInTheFullCommandsWords() throws Exception {
        signIn();
        Path credentials = Path.of(env.get("AWS_SHARED_CREDENTIALS_FILE"));
        Files.createDirectories(credentials.getParent());
        Files.writeString(credentials, "[fedcred-sandbox]\naws_access_key_id = AKIAEXAMPLEEXAMPLE12\n"
                + "aws_secret_access_key = mine\n");

        ChildJvm direct = ChildJvm.runMain(work, env, "assume", "sandbox-aws");
        CliRun full = CliRun.run(context, "assume", "sandbox-aws");

        assertThat(direct.loadedFrom("picocli.")).isEmpty();
        assertThat(full.exitCode()).isEqualTo(ExitCodes.FAILED);
        assertThat(direct.exitCode()).isEqualTo(full.exitCode());
        assertThat(direct.err()).isEqualTo(full.err()).startsWith("fedcred: ").contains("fedcred-sandbox");
        assertThat(direct.out()).isEmpty();
        assertThat(Files.readString(credentials)).contains("aws_secret_access_key = mine");
    }

    @Test
    void notSignedInEndsWithTheSignInExitCodeAndTheSameAdvice() throws Exception {
        ChildJvm direct = ChildJvm.runMain(work, env, "assume", "sandbox-aws");
        CliRun full = CliRun.run(context, "assume", "sandbox-aws");

        assertThat(full.exitCode()).isEqualTo(ExitCodes.NOT_SIGNED_IN);
        assertThat(direct.exitCode()).isEqualTo(full.exitCode());
        assertThat(direct.err()).isEqualTo(full.err());
    }

    @Test
    void anUnknownTargetOrAnOptionGoesThroughTheFullCommand() throws Exception {
        ChildJvm unknown = ChildJvm.runMain(work, env, "assume", "no-such-target");
        assertThat(unknown.exitCode()).isEqualTo(ExitCodes.FAILED);
        assertThat(unknown.err()).contains("There is no target named \"no-such-target\"");
        assertThat(unknown.loadedFrom("picocli.")).isNotEmpty();

        ChildJvm help = ChildJvm.runMain(work, env, "assume", "--help");
        assertThat(help.exitCode()).isZero();
        assertThat(help.out()).contains("Usage:").contains("--force");
    }

    private static String withoutTimes(String report) {
        return report.replaceAll("\\d{4}-\\d\\d-\\d\\dT[0-9:.]+Z \\(in [0-9:]+\\)", "TIME");
    }
}
