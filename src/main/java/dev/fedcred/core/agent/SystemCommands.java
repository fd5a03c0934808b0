package dev.fedcred.core.agent;

import java.io.File;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.concurrent.TimeUnit;

/** The OS's own commands (systemctl, launchctl, schtasks), found on the PATH of {@code env}. */
public final class SystemCommands implements AgentInstaller.Commands {
    private static final long TIMEOUT_SECONDS = 30;
    private final Map<String, String> env;

    public SystemCommands(Map<String, String> env) {
        this.env = env;
    }

    @Override
    public boolean available(String program) {
        return find(program) != null;
    }

    @Override
    public int run(List<String> command) {
        Path program = find(command.get(0));
        if (program == null) {
            return 127;
        }
        List<String> words = new ArrayList<>(command);
        words.set(0, program.toString());
        ProcessBuilder builder = new ProcessBuilder(words).redirectErrorStream(true)
                .redirectOutput(ProcessBuilder.Redirect.DISCARD);
        builder.environment().clear();
        builder.environment().putAll(env);
        try {
            Process process = builder.start();
            if (!process.waitFor(TIMEOUT_SECONDS, TimeUnit.SECONDS)) {
                process.destroyForcibly();
                return 124;
            }
            return process.exitValue();
        } catch (IOException e) {
            return 126;
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            return 130;
        }
    }

    private Path find(String program) {
        String path = env.getOrDefault("PATH", env.getOrDefault("Path", ""));
        for (String dir : path.split(File.pathSeparator)) {
            if (dir.isBlank()) {
                continue;
            }
            for (String name : List.of(program, program + ".exe")) {
                Path candidate = Path.of(dir, name);
                if (Files.isRegularFile(candidate) && Files.isExecutable(candidate)) {
                    return candidate;
                }
            }
        }
        return null;
    }
}
