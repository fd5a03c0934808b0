package dev.fedcred.interop;

import static org.assertj.core.api.Assertions.assertThat;

import dev.fedcred.core.agent.AgentDefinition;
import dev.fedcred.core.agent.AgentDefinitions;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.Map;
import java.util.concurrent.TimeUnit;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** systemd itself reads the background agent's user unit: {@code systemd-analyze verify}, from Debian's systemd. */
class SystemdUnitInteropIT {
    private static final String JAVA = Path.of(System.getProperty("java.home"), "bin", "java").toString();

    @TempDir
    Path dir;

    @Test
    void systemdAcceptsTheUnitAndRefusesOneWhoseCommandIsMissing() throws Exception {
        String analyze = PeerProgram.require("/usr/bin/systemd-analyze", "apt-get install systemd").toString();
        Path spaced = Files.createDirectories(dir.resolve("with space %"));
        AgentDefinition unit = AgentDefinitions.systemd(spaced, List.of(JAVA, "-cp", spaced.toString(), "dev.fedcred.Main",
                "agent", "run"), Map.of("FEDCRED_HOME", spaced.toString(), "AWS_CONFIG_FILE", "/x/\"quoted\"/config"));
        Files.createDirectories(unit.file().getParent());
        Files.writeString(unit.file(), unit.content());
        assertThat(verify(analyze, unit.file())).as("systemd-analyze verify").isZero();

        AgentDefinition missing = AgentDefinitions.systemd(dir, List.of(dir.resolve("no-such-fedcred").toString(),
                "agent", "run"), Map.of());
        Files.createDirectories(missing.file().getParent());
        Files.writeString(missing.file(), missing.content());
        assertThat(verify(analyze, missing.file())).as("systemd-analyze verify of a unit whose command is missing").isNotZero();
    }

    private static int verify(String analyze, Path unit) throws Exception {
        Process process = new ProcessBuilder(analyze, "verify", unit.toString()).redirectErrorStream(true)
                .redirectOutput(ProcessBuilder.Redirect.DISCARD).start();
        assertThat(process.waitFor(60, TimeUnit.SECONDS)).isTrue();
        return process.exitValue();
    }
}
