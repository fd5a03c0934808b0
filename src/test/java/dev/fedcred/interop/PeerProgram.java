package dev.fedcred.interop;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.Map;
import java.util.concurrent.TimeUnit;

/** Runs a real peer program (the AWS CLI, Node, Python, gcloud) with a controlled environment and captures its output. */
public final class PeerProgram {
    /** The program's output waits here, not in its working directory (which may be in the source tree). */
    static final Path OUTPUT_DIR = Path.of("target", "peer-output");

    record Result(int exitCode, String out, String err) {
    }

    private PeerProgram() {
    }

    /** gcloud, as the machine image ships it; no Debian archive this machine reaches has it. */
    public static Path gcloud() {
        return require("/usr/bin/gcloud", "gcloud comes with this machine image (Google's packaging; Debian has none)");
    }

    /**
     * kubectl, as the machine image ships it (1.32); Debian's kubernetes-client (1.20, without
     * {@code auth whoami}) is only .ci/run's fallback.
     */
    public static Path kubectl() {
        return require("/usr/bin/kubectl", "it ships with this machine image; Debian's kubernetes-client is a fallback"
                + " (1.20, without `auth whoami`)");
    }

    /** Fails loudly when the program is missing: interop tests never skip silently. */
    public static Path require(String path, String installHint) {
        Path program = Path.of(path);
        if (!Files.isExecutable(program)) {
            throw new AssertionError(path + " is not installed; " + installHint + " (.ci/run says how it gets there)");
        }
        return program;
    }

    /**
     * Nothing from the developer's own AWS, Google or fedcred setup may leak into a test; nor a CA
     * bundle for Python's requests (this machine sets one, and it would override gcloud's own CA
     * setting), nor a Python path that would put other packages before the interop venv's.
     */
    public static void isolate(Map<String, String> environment, Map<String, String> env) {
        environment.keySet().removeIf(name -> name.startsWith("AWS_") || name.startsWith("FEDCRED_")
                || name.startsWith("GOOGLE_") || name.startsWith("CLOUDSDK_") || name.startsWith("NODE_")
                || name.equals("REQUESTS_CA_BUNDLE") || name.equals("PYTHONPATH") || name.equals("PYTHONHOME"));
        environment.putAll(env);
    }

    static Result run(List<String> command, Map<String, String> env, Path workDir) throws IOException, InterruptedException {
        ProcessBuilder builder = new ProcessBuilder(command).directory(workDir.toFile());
        isolate(builder.environment(), env);
        Files.createDirectories(OUTPUT_DIR);
        Path out = Files.createTempFile(OUTPUT_DIR, "out", ".txt");
        Path err = Files.createTempFile(OUTPUT_DIR, "err", ".txt");
        try {
            Process process = builder.redirectOutput(out.toFile()).redirectError(err.toFile()).start();
            if (!process.waitFor(60, TimeUnit.SECONDS)) {
                process.destroyForcibly();
                throw new AssertionError(command + " did not finish within 60 s");
            }
            return new Result(process.exitValue(), Files.readString(out, StandardCharsets.UTF_8),
                    Files.readString(err, StandardCharsets.UTF_8));
        } finally {
            Files.deleteIfExists(out);
            Files.deleteIfExists(err);
        }
    }
}
