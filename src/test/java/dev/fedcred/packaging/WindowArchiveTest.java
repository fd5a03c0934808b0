package dev.fedcred.packaging;

import static org.assertj.core.api.Assertions.assertThat;

import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.attribute.PosixFilePermissions;
import java.util.List;
import java.util.concurrent.TimeUnit;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * /usr/bin/fedcred (packaging/linux/fedcred-command) starts the window with the window's own
 * class-data archive and every command with the command line's, from the one fedcred.cfg jpackage
 * wrote; bench's window rows take the same flags (bench/lib/packaged-runtime.sh).
 */
class WindowArchiveTest {
    private static final Path BASEDIR = Path.of(System.getProperty("user.dir"));

    @TempDir
    Path installed;

    @Test
    void theWindowGetsItsOwnArchiveAndACommandTheCommandLines() throws Exception {
        Path app = Files.createDirectories(installed.resolve("lib/app"));
        Files.copy(BASEDIR.resolve("packaging/linux/fedcred-command"), app.resolve("fedcred-command"));
        Files.copy(BASEDIR.resolve("packaging/linux/fedcred-env"), app.resolve("fedcred-env"));
        Files.writeString(app.resolve("fedcred.cfg"), String.join("\n",
                "[Application]", "app.classpath=$APPDIR/fedcred.jar", "app.mainclass=dev.fedcred.Main",
                "[JavaOptions]", "java-options=-Xss512k", "java-options=-XX:SharedArchiveFile=$APPDIR/fedcred.jsa", ""));
        // a java that prints the options it was given, one a line
        Path java = Files.createDirectories(installed.resolve("lib/runtime/bin")).resolve("java");
        Files.writeString(java, "#!/bin/sh\nprintf '%s\\n' \"$@\"\n");
        Files.setPosixFilePermissions(java, PosixFilePermissions.fromString("rwxr-xr-x"));

        assertThat(run(app.resolve("fedcred-command").toString()))
                .contains("-XX:SharedArchiveFile=" + app + "/fedcred-window.jsa", "-Xss512k")
                .doesNotContain("-XX:SharedArchiveFile=" + app + "/fedcred.jsa");
        assertThat(run(app.resolve("fedcred-command").toString(), "credential-process", "sandbox-aws"))
                .contains("-XX:SharedArchiveFile=" + app + "/fedcred.jsa", "credential-process")
                .noneMatch(option -> option.contains("fedcred-window"));
    }

    @Test
    void benchsWindowRowsTakeTheWindowsArchive() throws Exception {
        assertThat(run("bash", "-c", ". bench/lib/packaged-runtime.sh && window_archive_flags "
                + "'-Xss512k -XX:SharedArchiveFile=/a/fedcred.jsa -XX:AOTCache=/a/fedcred.aot'"))
                .containsExactly("-Xss512k -XX:SharedArchiveFile=/a/fedcred-window.jsa -XX:AOTCache=/a/fedcred-window.aot");
    }

    private static List<String> run(String... command) throws Exception {
        Path out = Files.createTempFile("window-archive", ".txt");
        try {
            Process process = new ProcessBuilder(command).directory(BASEDIR.toFile()).redirectErrorStream(true)
                    .redirectOutput(out.toFile()).start();
            if (!process.waitFor(30, TimeUnit.SECONDS)) {
                process.destroyForcibly();
                throw new AssertionError(String.join(" ", command) + " did not finish in 30 s");
            }
            List<String> lines = Files.readAllLines(out, StandardCharsets.UTF_8);
            assertThat(process.exitValue()).as(String.join("\n", lines)).isZero();
            return lines;
        } finally {
            Files.deleteIfExists(out);
        }
    }
}
