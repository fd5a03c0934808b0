package dev.fedcred.interop;

import static org.assertj.core.api.Assertions.assertThat;

import java.nio.file.Path;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** A peer program's output is captured without leaving files where it ran (such as src/test/node). */
class PeerProgramTest {
    @TempDir
    Path workDir;

    @Test
    void capturesOutputAndLeavesTheWorkingDirectoryAsItWas() throws Exception {
        PeerProgram.Result result = PeerProgram.run(List.of("/bin/sh", "-c", "echo out; echo err >&2; exit 3"),
                Map.of(), workDir);

        assertThat(result.exitCode()).isEqualTo(3);
        assertThat(result.out()).isEqualTo("out\n");
        assertThat(result.err()).isEqualTo("err\n");
        assertThat(workDir).isEmptyDirectory();
    }
}
