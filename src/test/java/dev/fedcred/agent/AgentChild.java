package dev.fedcred.agent;

import java.io.IOException;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.concurrent.TimeUnit;

/** {@code fedcred agent run} in its own JVM on the test class path, as the systemd unit starts it. */
final class AgentChild implements AutoCloseable {
    private final Process process;
    private final Path err;

    private AgentChild(Process process, Path err) {
        this.process = process;
        this.err = err;
    }

    static AgentChild start(Path workDir, Map<String, String> env, String... options) throws IOException {
        List<String> command = new ArrayList<>(List.of(Path.of(System.getProperty("java.home"), "bin", "java").toString(),
                "-Djava.awt.headless=true", "-cp", System.getProperty("java.class.path"), "dev.fedcred.Main", "agent", "run"));
        command.addAll(List.of(options));
        Path err = workDir.resolve("agent-err-" + System.nanoTime() + ".txt");
        ProcessBuilder builder = new ProcessBuilder(command).redirectOutput(ProcessBuilder.Redirect.DISCARD)
                .redirectError(err.toFile());
        builder.environment().clear();
        builder.environment().put("PATH", System.getenv().getOrDefault("PATH", "/usr/bin:/bin"));
        builder.environment().putAll(env);
        return new AgentChild(builder.start(), err);
    }

    long pid() {
        return process.pid();
    }

    /** Sends SIGTERM, as systemd's stop does, and waits for the exit; returns the exit status. */
    int terminate() throws InterruptedException {
        process.destroy();
        if (!process.waitFor(30, TimeUnit.SECONDS)) {
            process.destroyForcibly();
            throw new AssertionError("the agent did not stop within 30 s of SIGTERM");
        }
        return process.exitValue();
    }

    boolean alive() {
        return process.isAlive();
    }

    Path errFile() {
        return err;
    }

    @Override
    public void close() {
        process.destroyForcibly();
    }
}
