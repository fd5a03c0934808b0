package dev.fedcred.interop;

import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;

/**
 * The Python virtualenv .ci/run makes under target/ for the Python peers, pinned by
 * src/test/python/requirements.txt: the AWS CLI v1, boto3 and google-auth. Tests run that venv's
 * interpreter, never whatever python3 or aws is first on PATH.
 */
final class InteropVenv {
    static final Path DIR = Path.of("target/interop-venv").toAbsolutePath();
    static final Path SCRIPTS = Path.of("src/test/python").toAbsolutePath();

    private InteropVenv() {
    }

    static Path python() {
        return PeerProgram.require(DIR.resolve("bin/python").toString(),
                "make the venv: python3 -m venv --system-site-packages target/interop-venv && "
                        + "target/interop-venv/bin/pip install -r src/test/python/requirements.txt");
    }

    /** {@code python -m MODULE ARGS...}: how the venv runs the AWS CLI v1, whose `aws` script is the image's. */
    static List<String> module(String module, String... args) {
        List<String> command = new ArrayList<>(List.of(python().toString(), "-m", module));
        command.addAll(List.of(args));
        return command;
    }

    /** Runs one of the scripts in src/test/python with the venv's interpreter. */
    static PeerProgram.Result script(String script, Map<String, String> env, Path workDir, String... args)
            throws Exception {
        List<String> command = new ArrayList<>(List.of(python().toString(), SCRIPTS.resolve(script).toString()));
        command.addAll(List.of(args));
        return PeerProgram.run(command, env, workDir);
    }
}
