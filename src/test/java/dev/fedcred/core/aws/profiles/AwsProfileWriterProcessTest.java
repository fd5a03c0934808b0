package dev.fedcred.core.aws.profiles;

import static dev.fedcred.core.aws.profiles.AwsFiles.CREDENTIALS;
import static dev.fedcred.core.aws.profiles.AwsFiles.bytes;
import static dev.fedcred.core.aws.profiles.AwsFiles.credentialsProperties;
import static dev.fedcred.core.aws.profiles.AwsFiles.raw;
import static dev.fedcred.core.aws.profiles.AwsFiles.sdkProfiles;
import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import dev.fedcred.core.files.FileLockException;

import java.io.BufferedReader;
import java.io.IOException;
import java.io.InputStreamReader;
import java.io.Writer;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Clock;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.TreeMap;
import java.util.concurrent.TimeUnit;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.Timeout;
import org.junit.jupiter.api.io.TempDir;
import software.amazon.awssdk.profiles.ProfileFile;

/** Other fedcred processes: one killed in the middle of writing, two writing at once, one holding the lock. */
class AwsProfileWriterProcessTest {
    private static final int BIG_TOKEN_CHARS = 300_000;

    @TempDir
    Path home;
    private final List<Process> children = new ArrayList<>();

    @AfterEach
    void killLeftovers() {
        children.forEach(Process::destroyForcibly);
    }

    private Process start(String... args) throws IOException {
        List<String> command = new ArrayList<>(List.of(Path.of(System.getProperty("java.home"), "bin", "java").toString(),
                "-XX:TieredStopAtLevel=1", "-cp", System.getProperty("java.class.path"),
                ProfileWriterChild.class.getName()));
        command.addAll(List.of(args));
        Process process = new ProcessBuilder(command).redirectError(ProcessBuilder.Redirect.INHERIT).start();
        children.add(process);
        return process;
    }

    private static void awaitReady(Process process) throws IOException {
        BufferedReader out = new BufferedReader(new InputStreamReader(process.getInputStream(), StandardCharsets.UTF_8));
        assertThat(out.readLine()).as("child started").isEqualTo("ready");
    }

    private static void tell(Process process) throws IOException {
        Writer in = new java.io.OutputStreamWriter(process.getOutputStream(), StandardCharsets.UTF_8);
        in.write("go\n");
        in.flush();
    }

    /**
     * SIGKILL at varied moments of a loop of ~300 KB rewrites (one every ~20 ms, ~6 ms of it in
     * the temp-file write, fsync and rename): twice before the first write can finish, then at
     * phases spread over one write cycle after the third write. Every time the file is a complete
     * version (the original or one the writer finished), never a partial one; and the next write
     * removes the temp file (a full copy of the credentials) a kill left behind.
     */
    @Test
    @Timeout(60)
    void aWriterKilledMidwayLeavesTheOldFileOrANewOneWholeNeverAPartialOne() throws Exception {
        String original = raw(AwsFiles.fixture("credentials-many-profiles"));
        int rounds = 10;
        int roundsWithAWrite = 0;
        int leftovers = 0;
        for (int round = 0; round < rounds; round++) {
            Path file = home.resolve("round-" + round + "/credentials");
            Files.createDirectories(file.getParent());
            Files.write(file, bytes(original));
            Process child = start("loop", file.toString(), String.valueOf(BIG_TOKEN_CHARS));
            BufferedReader out = new BufferedReader(new InputStreamReader(child.getInputStream(), StandardCharsets.UTF_8));
            assertThat(out.readLine()).isEqualTo("ready");
            if (round < 2) {
                Thread.sleep(round * 30L);
            } else {
                while (!"wrote 3".equals(out.readLine())) {
                    // wait for the loop to run at full speed
                }
                Thread.sleep((round - 2) * 3L);
            }
            child.destroyForcibly();
            assertThat(child.waitFor(10, TimeUnit.SECONDS)).isTrue();

            String afterKill = raw(file);
            Map<String, Map<String, String>> profiles = sdkProfiles(file, ProfileFile.Type.CREDENTIALS);
            if (!afterKill.equals(original)) {
                roundsWithAWrite++;
                int version = ProfileWriterChild.versionOf(
                        profiles.get(ProfileWriterChild.CRASH_PROFILE).get("aws_access_key_id"));
                assertThat(afterKill).as("round %d: complete version %d", round, version)
                        .isEqualTo(completeVersion(original, version));
            }
            leftovers += tempFiles(file.getParent()).size();
            new AwsProfileWriter(new AwsFileLocations(file, file.resolveSibling("config")), Clock.systemUTC())
                    .writeCredentials("after-the-kill", "t", CREDENTIALS, false);
            assertThat(tempFiles(file.getParent())).as("round %d: the next write cleared the killed writer's temp file",
                    round).isEmpty();
        }
        assertThat(roundsWithAWrite).as("kills after the third write find a newer version").isGreaterThanOrEqualTo(rounds - 2);
        System.out.println("temp files left by killed writers, all removed by the next write: " + leftovers);
    }

    /** Temp files of fedcred's writes (each a full copy of the credentials being written). */
    private static List<String> tempFiles(Path dir) throws IOException {
        try (java.util.stream.Stream<Path> files = Files.list(dir)) {
            return files.map(path -> path.getFileName().toString()).filter(name -> name.endsWith(".tmp")).toList();
        }
    }

    /** The exact bytes the writer produces for {@code version} on top of {@code original}, made in this process. */
    private String completeVersion(String original, int version) throws IOException {
        Path scratch = Files.createTempDirectory(home, "expected").resolve("credentials");
        Files.write(scratch, bytes(original));
        new AwsProfileWriter(new AwsFileLocations(scratch, scratch.resolveSibling("config")), Clock.systemUTC())
                .writeCredentials(ProfileWriterChild.CRASH_PROFILE, "crash-target",
                        ProfileWriterChild.version(version, BIG_TOKEN_CHARS), false);
        return raw(scratch);
    }

    @Test
    @Timeout(60)
    void twoProcessesWritingDifferentProfilesAtOnceBothLand() throws Exception {
        Path file = home.resolve(".aws/credentials");
        Files.createDirectories(file.getParent());
        Files.write(file, AwsFiles.fixture("credentials-many-profiles"));
        Map<String, Map<String, String>> before = sdkProfiles(file, ProfileFile.Type.CREDENTIALS);
        int times = 40;
        Process alpha = start("repeat", file.toString(), "alpha", String.valueOf(times));
        Process beta = start("repeat", file.toString(), "beta", String.valueOf(times));
        awaitReady(alpha);
        awaitReady(beta);
        tell(alpha);
        tell(beta);
        assertThat(alpha.waitFor(30, TimeUnit.SECONDS)).isTrue();
        assertThat(beta.waitFor(30, TimeUnit.SECONDS)).isTrue();
        assertThat(alpha.exitValue()).isZero();
        assertThat(beta.exitValue()).isZero();

        Map<String, Map<String, String>> expected = new TreeMap<>(before);
        expected.put("alpha", new TreeMap<>(credentialsProperties(ProfileWriterChild.version(times - 1, 64), "target-alpha")));
        expected.put("beta", new TreeMap<>(credentialsProperties(ProfileWriterChild.version(times - 1, 64), "target-beta")));
        assertThat(sdkProfiles(file, ProfileFile.Type.CREDENTIALS)).isEqualTo(expected);
    }

    @Test
    @Timeout(60)
    void aLockHeldTooLongByAnotherProcessFailsTheWriteAndChangesNothing() throws Exception {
        Path file = home.resolve(".aws/credentials");
        Files.createDirectories(file.getParent());
        Files.write(file, AwsFiles.fixture("credentials-default-only"));
        String before = raw(file);
        Process holder = start("hold", file.toString());
        awaitReady(holder);
        AwsProfileWriter impatient = new AwsProfileWriter(new AwsFileLocations(file, home.resolve(".aws/config")),
                Clock.fixed(AwsFiles.EXPIRES.minusSeconds(3600), java.time.ZoneOffset.UTC), Duration.ofMillis(300));

        assertThatThrownBy(() -> impatient.writeCredentials("p", "t", CREDENTIALS, false))
                .isInstanceOf(FileLockException.class)
                .hasMessageContaining(file.toString()).hasMessageContaining("retry");
        assertThat(raw(file)).isEqualTo(before);

        tell(holder);
        assertThat(holder.waitFor(10, TimeUnit.SECONDS)).isTrue();
        impatient.writeCredentials("p", "t", CREDENTIALS, false);
        assertThat(impatient.readManaged("p")).contains(CREDENTIALS);
    }
}
