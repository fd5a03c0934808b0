package dev.fedcred.instance;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import dev.fedcred.Main;
import dev.fedcred.core.FedcredException;
import dev.fedcred.core.files.SecureFiles;
import java.io.IOException;
import java.net.StandardProtocolFamily;
import java.net.UnixDomainSocketAddress;
import java.nio.channels.FileChannel;
import java.nio.channels.FileLock;
import java.nio.channels.ServerSocketChannel;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.attribute.PosixFilePermissions;
import java.util.List;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicInteger;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * One desktop app per user, for real: a lock and a Unix-domain socket in a state directory, two
 * claims in this JVM, a second launch of fedcred in its own JVM, and the socket file a crashed
 * instance leaves behind.
 */
class SingleInstanceTest {
    @TempDir
    Path home;

    private Path stateDir() {
        return home.resolve("fedcred/state");
    }

    @Test
    void aSecondClaimAsksTheFirstToShowItsWindowAndGetsNothing() {
        AtomicInteger shown = new AtomicInteger();
        try (SingleInstance first = SingleInstance.claim(stateDir()).orElseThrow()) {
            first.onShowRequest(shown::incrementAndGet);

            assertThat(SingleInstance.claim(stateDir())).isEmpty();
            assertThat(shown).hasValue(1);
            assertThat(SingleInstance.claim(stateDir())).isEmpty();
            assertThat(shown).hasValue(2);
        }
        // the first one quit: the next launch is the app again
        try (SingleInstance next = SingleInstance.claim(stateDir()).orElseThrow()) {
            assertThat(next).isNotNull();
        }
    }

    @Test
    void onlyTheUserCanReachTheSocket() throws IOException {
        try (SingleInstance first = SingleInstance.claim(stateDir()).orElseThrow()) {
            assertThat(PosixFilePermissions.toString(Files.getPosixFilePermissions(stateDir()))).isEqualTo("rwx------");
            assertThat(PosixFilePermissions.toString(Files.getPosixFilePermissions(
                    stateDir().resolve(SingleInstance.SOCKET_FILE)))).isEqualTo("rw-------");
        }
        assertThat(stateDir().resolve(SingleInstance.SOCKET_FILE)).as("removed on the way out").doesNotExist();
    }

    @Test
    void theSocketFileOfACrashedInstanceDoesNotBlockStartUp() throws IOException {
        SecureFiles.createPrivateDirectories(stateDir());
        Path socket = stateDir().resolve(SingleInstance.SOCKET_FILE);
        // what a killed process leaves: a bound socket file with nobody listening, and no lock held
        try (ServerSocketChannel dead = ServerSocketChannel.open(StandardProtocolFamily.UNIX)) {
            dead.bind(UnixDomainSocketAddress.of(socket));
        }
        assertThat(socket).exists();

        AtomicInteger shown = new AtomicInteger();
        try (SingleInstance first = SingleInstance.claim(stateDir()).orElseThrow()) {
            first.onShowRequest(shown::incrementAndGet);
            assertThat(SingleInstance.claim(stateDir())).isEmpty();
            assertThat(shown).hasValue(1);
        }
    }

    @Test
    void anInstanceThatHoldsTheLockButDoesNotAnswerIsReportedWithWhatToDo() throws IOException {
        SecureFiles.createPrivateDirectories(stateDir());
        try (FileChannel channel = SecureFiles.openLockFile(stateDir().resolve(SingleInstance.LOCK_FILE));
             FileLock held = channel.lock()) {
            assertThat(held.isValid()).isTrue();
            assertThatThrownBy(() -> SingleInstance.claim(stateDir()))
                    .isInstanceOf(FedcredException.class)
                    .hasMessageContaining("fedcred is already running")
                    .hasMessageContaining("did not answer")
                    .hasMessageContaining("Open it from its tray icon, or end it and start fedcred again.");
        }
    }

    @Test
    void aSecondLaunchOfTheAppBringsTheFirstForwardPrintsOneLineAndExitsZero() throws Exception {
        AtomicInteger shown = new AtomicInteger();
        try (SingleInstance first = SingleInstance.claim(stateDir()).orElseThrow()) {
            first.onShowRequest(shown::incrementAndGet);

            ProcessBuilder launch = new ProcessBuilder(List.of(
                    Path.of(System.getProperty("java.home"), "bin", "java").toString(),
                    "-XX:TieredStopAtLevel=1", "-Djava.awt.headless=true",
                    "-cp", System.getProperty("java.class.path"), Main.class.getName()))
                    .redirectErrorStream(true);
            launch.environment().put("FEDCRED_HOME", home.resolve("fedcred").toString());
            Process second = launch.start();
            try {
                assertThat(second.waitFor(60, TimeUnit.SECONDS)).as("the second launch ends by itself").isTrue();
                String output = new String(second.getInputStream().readAllBytes(), StandardCharsets.UTF_8);
                assertThat(output).isEqualTo(SingleInstance.ALREADY_RUNNING + System.lineSeparator());
                assertThat(second.exitValue()).isZero();
                assertThat(shown).hasValue(1);
            } finally {
                second.destroyForcibly();
            }
        }
    }

    @Test
    void theCliIsNeverAffected() throws Exception {
        try (SingleInstance first = SingleInstance.claim(stateDir()).orElseThrow()) {
            AtomicInteger shown = new AtomicInteger();
            first.onShowRequest(shown::incrementAndGet);
            ProcessBuilder command = new ProcessBuilder(List.of(
                    Path.of(System.getProperty("java.home"), "bin", "java").toString(),
                    "-XX:TieredStopAtLevel=1", "-cp", System.getProperty("java.class.path"), Main.class.getName(),
                    "--version"))
                    .redirectErrorStream(true);
            command.environment().put("FEDCRED_HOME", home.resolve("fedcred").toString());
            Process cli = command.start();
            try {
                assertThat(cli.waitFor(60, TimeUnit.SECONDS)).isTrue();
                assertThat(new String(cli.getInputStream().readAllBytes(), StandardCharsets.UTF_8))
                        .doesNotContain(SingleInstance.ALREADY_RUNNING);
                assertThat(cli.exitValue()).isZero();
                assertThat(shown).hasValue(0);
            } finally {
                cli.destroyForcibly();
            }
        }
    }
}
