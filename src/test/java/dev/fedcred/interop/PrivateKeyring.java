package dev.fedcred.interop;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.attribute.PosixFilePermissions;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.concurrent.TimeUnit;

/**
 * A real Secret Service of its own for a test: a private D-Bus session bus (no service
 * activation, so nothing else starts on it) with GNOME Keyring's secrets component on it,
 * unlocked with a password given on stdin, and HOME and XDG dirs under the test's directory.
 */
final class PrivateKeyring implements AutoCloseable {
    static final String SECRET_TOOL = "/usr/bin/secret-tool";
    private static final String DBUS_DAEMON = "/usr/bin/dbus-daemon";
    private static final String KEYRING_DAEMON = "/usr/bin/gnome-keyring-daemon";
    private static final String INSTALL = "apt-get install gnome-keyring libsecret-tools dbus";

    private final Path dir;
    private final String busAddress;
    private final long busPid;
    private Process keyring;

    PrivateKeyring(Path dir) throws Exception {
        PeerProgram.require(DBUS_DAEMON, INSTALL);
        PeerProgram.require(KEYRING_DAEMON, INSTALL);
        PeerProgram.require(SECRET_TOOL, INSTALL);
        this.dir = Files.createDirectories(dir);
        Path config = dir.resolve("bus.conf");
        Files.writeString(config, """
                <!DOCTYPE busconfig PUBLIC "-//freedesktop//DTD D-Bus Bus Configuration 1.0//EN"
                 "http://www.freedesktop.org/standards/dbus/1.0/busconfig.dtd">
                <busconfig>
                  <type>session</type>
                  <listen>unix:dir=%s</listen>
                  <policy context="default">
                    <allow send_destination="*" eavesdrop="true"/>
                    <allow eavesdrop="true"/>
                    <allow own="*"/>
                  </policy>
                </busconfig>
                """.formatted(dir));
        Process bus = new ProcessBuilder(DBUS_DAEMON, "--config-file=" + config, "--fork", "--print-address=1", "--print-pid=1")
                .redirectErrorStream(true).start();
        List<String> printed = new String(bus.getInputStream().readAllBytes(), StandardCharsets.UTF_8).lines().toList();
        assertThat(bus.waitFor()).as(String.join("\n", printed)).isZero();
        this.busAddress = printed.get(0);
        this.busPid = Long.parseLong(printed.get(1).strip());
        start();
    }

    /** What a program needs to find this keyring: only the bus address. */
    Map<String, String> env() {
        return Map.of("DBUS_SESSION_BUS_ADDRESS", busAddress);
    }

    /** Starts the keyring daemon unlocked, and waits until it answers on the bus. */
    private void start() throws Exception {
        Path runtime = Files.createDirectories(dir.resolve("run"));
        Files.setPosixFilePermissions(runtime, PosixFilePermissions.fromString("rwx------"));
        ProcessBuilder builder = new ProcessBuilder(KEYRING_DAEMON, "--foreground", "--unlock", "--components=secrets")
                .redirectErrorStream(true).redirectOutput(dir.resolve("keyring.log").toFile());
        builder.environment().clear();
        builder.environment().putAll(Map.of("PATH", "/usr/bin:/bin", "HOME", dir.resolve("home").toString(),
                "XDG_DATA_HOME", dir.resolve("home/data").toString(), "XDG_RUNTIME_DIR", runtime.toString(),
                "DBUS_SESSION_BUS_ADDRESS", busAddress));
        keyring = builder.start();
        try (var password = keyring.getOutputStream()) {
            password.write("keyring-password-for-tests".getBytes(StandardCharsets.UTF_8));
        }
        long deadline = System.nanoTime() + TimeUnit.SECONDS.toNanos(10);
        while (true) {
            PeerProgram.Result probe = secretTool("lookup", "application", "fedcred-test", "probe", "ready");
            if (probe.err().isBlank()) {
                return;
            }
            if (System.nanoTime() > deadline) {
                throw new AssertionError("gnome-keyring-daemon did not answer on the private bus: " + probe.err()
                        + "\n" + Files.readString(dir.resolve("keyring.log")));
            }
            Thread.sleep(100);
        }
    }

    PeerProgram.Result secretTool(String... args) throws IOException, InterruptedException {
        List<String> command = new ArrayList<>(List.of(SECRET_TOOL));
        command.addAll(List.of(args));
        return PeerProgram.run(command, env(), dir);
    }

    /** The Secret Service goes away, as when the desktop session's keyring is not running. */
    void stopKeyring() throws InterruptedException {
        keyring.destroy();
        keyring.waitFor(10, TimeUnit.SECONDS);
    }

    @Override
    public void close() throws InterruptedException {
        if (keyring != null && keyring.isAlive()) {
            stopKeyring();
        }
        ProcessHandle.of(busPid).ifPresent(ProcessHandle::destroy);
    }
}
