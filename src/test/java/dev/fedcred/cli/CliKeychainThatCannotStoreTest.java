package dev.fedcred.cli;

import static org.assertj.core.api.Assertions.assertThat;

import dev.fedcred.FedcredContext;
import dev.fedcred.sandbox.SandboxOptions;
import dev.fedcred.sandbox.SandboxServer;
import dev.fedcred.testing.CliRun;
import dev.fedcred.testing.FakeBrowser;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.attribute.PosixFilePermissions;
import java.time.Clock;
import java.util.Map;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.condition.EnabledOnOs;
import org.junit.jupiter.api.condition.OS;
import org.junit.jupiter.api.io.TempDir;

/**
 * A Secret Service that answers a lookup but refuses to store (a locked or read-only collection),
 * as a stand-in secret-tool on the PATH: `keychain on` and `keychain status` must say the refresh
 * token is still in the token file, not in the keyring.
 */
@EnabledOnOs(OS.LINUX)
class CliKeychainThatCannotStoreTest {
    private static final String SECRET_TOOL = """
            #!/bin/sh
            case "$1" in
              lookup) exit 1 ;;
              clear) exit 0 ;;
              store) cat >/dev/null; echo "secret-tool: Cannot create an item in a locked collection" >&2; exit 1 ;;
            esac
            exit 2
            """;

    @TempDir
    Path home;

    private SandboxServer sandbox;
    private FedcredContext context;

    @BeforeEach
    void start() throws Exception {
        sandbox = SandboxServer.start(SandboxOptions.defaults().withPort(0).withAutoApprove(true));
        Path bin = Files.createDirectories(home.resolve("bin"));
        Path tool = bin.resolve("secret-tool");
        Files.writeString(tool, SECRET_TOOL);
        Files.setPosixFilePermissions(tool, PosixFilePermissions.fromString("rwx------"));
        context = new FedcredContext(Map.of("FEDCRED_HOME", home.resolve("fedcred").toString(), "PATH", bin + ":/bin:/usr/bin",
                "FEDCRED_SANDBOX_PORT", String.valueOf(sandbox.issuerUri().getPort())), Clock.systemUTC(), new FakeBrowser());
    }

    @AfterEach
    void stop() {
        sandbox.close();
    }

    @Test
    void keychainOnAndStatusSayTheTokenStayedInTheTokenFile() throws Exception {
        assertThat(CliRun.run(context, "login", "--issuer", "sandbox").exitCode()).isZero();
        Path tokenFile = context.paths().tokenCacheFile();

        CliRun on = CliRun.run(context, "keychain", "on");
        assertThat(on.exitCode()).isEqualTo(1);
        assertThat(on.out() + on.err()).doesNotContain("stayed in the Secret Service keyring").doesNotContain("has none");
        assertThat(on.err()).contains("The refresh tokens of sandbox stayed in the token file " + tokenFile);
        assertThat(Files.readString(tokenFile)).contains("refresh_token");

        CliRun status = CliRun.run(context, "keychain", "status");
        assertThat(status.out()).doesNotContain("has none")
                .contains("The refresh tokens of sandbox are still in the token file " + tokenFile);
    }
}
