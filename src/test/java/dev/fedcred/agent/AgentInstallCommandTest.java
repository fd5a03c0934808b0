package dev.fedcred.agent;

import static org.assertj.core.api.Assertions.assertThat;

import dev.fedcred.FedcredContext;
import dev.fedcred.core.agent.AgentDefinitions;
import dev.fedcred.testing.CliRun;
import dev.fedcred.testing.FakeBrowser;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.attribute.PosixFilePermissions;
import java.time.Clock;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * {@code fedcred agent install|uninstall|status} on Linux with real files: without a user systemd
 * (as here) the unit is written and the commands printed; with one (a stand-in {@code systemctl}
 * that logs its arguments) they are run in order; a unit fedcred did not write is never touched.
 */
class AgentInstallCommandTest {
    @TempDir
    Path home;

    private FedcredContext contextWithPath(Path pathDir) {
        return new FedcredContext(Map.of("HOME", home.toString(), "FEDCRED_HOME", home.resolve("fedcred").toString(),
                "PATH", pathDir.toString()), Clock.systemUTC(), new FakeBrowser());
    }

    private Path unit() {
        return home.resolve(".config/systemd/user/fedcred-agent.service");
    }

    @Test
    void withoutAUserManagerInstallWritesTheUnitAndSaysWhatToRun() throws Exception {
        FedcredContext context = contextWithPath(Files.createDirectories(home.resolve("empty-bin")));

        CliRun install = CliRun.run(context, "agent", "install");

        assertThat(install.exitCode()).as(install.err()).isEqualTo(4);
        assertThat(install.out()).contains("Wrote " + unit());
        assertThat(install.err()).contains("systemd did not answer here")
                .contains("  systemctl --user daemon-reload\n").contains("  systemctl --user enable --now fedcred-agent.service");
        assertThat(Files.readString(unit())).startsWith("# " + AgentDefinitions.MARKER)
                .contains("\"agent\" \"run\"").contains("Environment=\"FEDCRED_HOME=" + home.resolve("fedcred") + "\"");
        assertThat(PosixFilePermissions.toString(Files.getPosixFilePermissions(unit()))).isEqualTo("rw-------");

        CliRun status = CliRun.run(context, "agent", "status");
        assertThat(status.exitCode()).isEqualTo(1);
        assertThat(status.out()).contains("Agent: not running").contains("Last renewal: none recorded")
                .contains("Installed: " + unit()).contains("Log: " + home.resolve("fedcred/state/agent.log"));

        assertThat(CliRun.run(context, "agent", "install").exitCode()).as("installing again replaces fedcred's unit").isEqualTo(4);
        CliRun uninstall = CliRun.run(context, "agent", "uninstall");
        assertThat(uninstall.exitCode()).isEqualTo(4);
        assertThat(uninstall.err()).contains("systemctl --user disable --now fedcred-agent.service");
        assertThat(unit()).doesNotExist();
        assertThat(CliRun.run(context, "agent", "status").out()).contains("Installed: no (run `fedcred agent install`)");
    }

    @Test
    void withAUserManagerInstallEnablesAndStartsTheUnitAndUninstallUndoesIt() throws Exception {
        Path bin = Files.createDirectories(home.resolve("bin"));
        Path calls = home.resolve("systemctl-calls.txt");
        Path systemctl = bin.resolve("systemctl");
        Files.writeString(systemctl, "#!/bin/sh\necho \"$*\" >> '" + calls + "'\nexit 0\n");
        systemctl.toFile().setExecutable(true);
        FedcredContext context = contextWithPath(bin);

        CliRun install = CliRun.run(context, "agent", "install");
        assertThat(install.exitCode()).as(install.err()).isZero();
        assertThat(install.out()).contains("The agent runs now and at every log-in (systemd)");
        assertThat(Files.readAllLines(calls)).containsExactly("--user show-environment", "--user daemon-reload",
                "--user enable --now fedcred-agent.service");

        Files.delete(calls);
        CliRun uninstall = CliRun.run(context, "agent", "uninstall");
        assertThat(uninstall.exitCode()).as(uninstall.err()).isZero();
        assertThat(unit()).doesNotExist();
        assertThat(Files.readAllLines(calls)).containsExactly("--user show-environment",
                "--user disable --now fedcred-agent.service", "--user show-environment", "--user daemon-reload");
    }

    @Test
    void aUnitFedcredDidNotWriteIsLeftAlone() throws Exception {
        FedcredContext context = contextWithPath(Files.createDirectories(home.resolve("empty-bin")));
        Files.createDirectories(unit().getParent());
        String theirs = "[Service]\nExecStart=/usr/bin/their-agent\n";
        Files.writeString(unit(), theirs);

        for (String command : List.of("install", "uninstall")) {
            CliRun run = CliRun.run(context, "agent", command);
            assertThat(run.exitCode()).as(command).isEqualTo(1);
            assertThat(run.err()).contains(unit() + " exists and fedcred did not write it");
            assertThat(Files.readString(unit())).isEqualTo(theirs);
        }
    }
}
