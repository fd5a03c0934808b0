package dev.fedcred.packaging;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.concurrent.TimeUnit;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * packaging/jvm-options with jvm-options.jdk17 or .jdk25, as packaging/common.sh puts them together
 * for a runtime, is accepted by that runtime: the JDK 17 the project builds and tests with, and the
 * JDK 25 or newer that packaging prefers where this machine has one. The shared file alone stays a
 * java argument file ({@code mvn javafx:run} reads it so). A JVM refuses an option it does not know by not starting, and
 * warns about a deprecated one on its output; the installed app must start without a word when its
 * class-data archive is missing or stale, because {@code credential-process} prints JSON on stdout.
 */
class JvmOptionsTest {

    @TempDir
    Path appDir;

    @Test
    void theBuildJdkStartsFedcredWithItsOptionsAndSaysNothingElse() throws Exception {
        Path jdk = Path.of(System.getProperty("java.home"));

        assertStartsSilently(jdk);
    }

    @Test
    void theDefaultPackagingJdkStartsFedcredWithItsOptionsAndSaysNothingElse() throws Exception {
        assertStartsSilently(Path.of(bash("fedcred_package_jdk").trim()));
    }

    /** FEDCRED_PACKAGE_JDK=newest: JDK 25 or later where the machine has one (Temurin 25 on this image), else the default. */
    @Test
    void theNewestPackagingJdkStartsFedcredWithItsOptionsAndSaysNothingElse() throws Exception {
        assertStartsSilently(Path.of(bash("FEDCRED_PACKAGE_JDK=newest fedcred_package_jdk").trim()));
    }

    @Test
    void theSharedFileAloneIsAnArgumentFileTheBuildJdkTakes() throws Exception {
        Result result = run(List.of(Path.of(System.getProperty("java.home"), "bin", "java").toString(),
                "@packaging/jvm-options", "-cp", System.getProperty("java.class.path"), "dev.fedcred.Main", "--version"));

        assertThat(result.err()).isEmpty();
        assertThat(result.out()).matches("fedcred [^\\n]+\\R");
        assertThat(result.exitCode()).isZero();
    }

    @Test
    void eachRuntimeGetsItsOwnArchiveAndNoOtherRuntimesLines() throws Exception {
        List<String> jdk17 = options(17);
        List<String> jdk25 = options(25);

        assertThat(jdk17).contains("-XX:SharedArchiveFile=$APPDIR/fedcred.jsa", "-Xshare:auto")
                .noneMatch(option -> option.startsWith("-XX:AOTCache") || option.startsWith("--sun-misc"));
        assertThat(jdk25).contains("-XX:AOTCache=$APPDIR/fedcred.aot", "--enable-native-access=ALL-UNNAMED")
                .noneMatch(option -> option.startsWith("-XX:SharedArchiveFile") || option.startsWith("-Xshare"));
        assertThat(jdk17).as("shared lines").contains("-XX:+UseSerialGC", "-Xmx128m");
        assertThat(jdk25).as("shared lines").contains("-XX:+UseSerialGC", "-Xmx128m");
        assertThat(jdk17).noneMatch(option -> option.startsWith("[") || option.startsWith("#"));
        assertThat(jdk25).noneMatch(option -> option.startsWith("[") || option.startsWith("#"));
    }

    private void assertStartsSilently(Path jdk) throws Exception {
        List<String> command = new ArrayList<>(List.of(jdk.resolve("bin/java").toString()));
        // no archive in appDir: the state of a fresh install before postinst made it, or after a JDK change
        options(major(jdk)).forEach(option -> command.add(option.replace("$APPDIR", appDir.toString())));
        command.addAll(List.of("-cp", System.getProperty("java.class.path"), "dev.fedcred.Main", "--version"));

        Result result = run(command);

        assertThat(result.err()).as("stderr of Java %d", major(jdk)).isEmpty();
        assertThat(result.out()).as("stdout of Java %d", major(jdk)).matches("fedcred [^\\n]+\\R");
        assertThat(result.exitCode()).isZero();
    }

    private static List<String> options(int major) throws Exception {
        return Arrays.asList(bash("fedcred_jvm_options " + major).trim().split(" "));
    }

    private static int major(Path jdk) throws IOException {
        return Files.readAllLines(jdk.resolve("release")).stream()
                .filter(line -> line.startsWith("JAVA_VERSION="))
                .map(line -> Integer.parseInt(line.replaceFirst("^JAVA_VERSION=\"(\\d+).*$", "$1")))
                .findFirst().orElseThrow();
    }

    /** Output of a function of packaging/common.sh, run as build-deb runs it: from the repository root. */
    private static String bash(String function) throws Exception {
        Result result = run(List.of("bash", "-c", ". packaging/common.sh && " + function));
        assertThat(result.err()).isEmpty();
        assertThat(result.exitCode()).isZero();
        return result.out();
    }

    private static Result run(List<String> command) throws Exception {
        Path out = Files.createTempFile("jvm-options-out", ".txt");
        Path err = Files.createTempFile("jvm-options-err", ".txt");
        try {
            Process process = new ProcessBuilder(command).redirectOutput(out.toFile()).redirectError(err.toFile()).start();
            if (!process.waitFor(60, TimeUnit.SECONDS)) {
                process.destroyForcibly();
                throw new AssertionError(String.join(" ", command) + " did not finish in 60 s");
            }
            return new Result(process.exitValue(), Files.readString(out, StandardCharsets.UTF_8),
                    Files.readString(err, StandardCharsets.UTF_8));
        } finally {
            Files.deleteIfExists(out);
            Files.deleteIfExists(err);
        }
    }

    private record Result(int exitCode, String out, String err) {
    }
}
