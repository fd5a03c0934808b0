package dev.fedcred.cli;

import dev.fedcred.testing.TestTargetKinds;
import static org.assertj.core.api.Assertions.assertThat;

import dev.fedcred.FedcredContext;
import dev.fedcred.core.oidc.BrowserOpener;
import dev.fedcred.core.settings.SettingsStore;
import dev.fedcred.sandbox.SandboxOptions;
import dev.fedcred.sandbox.SandboxServer;
import dev.fedcred.testing.CliRun;
import dev.fedcred.testing.FakeBrowser;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Clock;
import java.util.Map;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.condition.EnabledOnOs;
import org.junit.jupiter.api.condition.OS;
import org.junit.jupiter.api.io.TempDir;

/**
 * The Linux keychain path when libsecret's secret-tool is not on the PATH: status says so, the
 * setting cannot be turned on, and a setting already on keeps refresh tokens in memory only,
 * with one line on stderr.
 */
@EnabledOnOs(OS.LINUX)
class CliKeychainWithoutSecretToolTest {
    private static final Pattern NOTICE = Pattern.compile("fedcred: The Secret Service keyring cannot be used");

    @TempDir
    Path home;

    private SandboxServer sandbox;

    @BeforeEach
    void start() throws Exception {
        sandbox = SandboxServer.start(SandboxOptions.defaults().withPort(0).withAutoApprove(true));
    }

    @AfterEach
    void stop() {
        sandbox.close();
    }

    /** A fresh process's context, with a PATH that holds no secret-tool. */
    private FedcredContext process() throws Exception {
        Path emptyBin = Files.createDirectories(home.resolve("bin"));
        return new FedcredContext(Map.of("FEDCRED_HOME", home.resolve("fedcred").toString(), "PATH", emptyBin.toString(),
                "FEDCRED_SANDBOX_PORT", String.valueOf(sandbox.issuerUri().getPort())),
                Clock.systemUTC(), new FakeBrowser());
    }

    private static int count(Pattern pattern, String text) {
        Matcher matcher = pattern.matcher(text);
        int found = 0;
        while (matcher.find()) {
            found++;
        }
        return found;
    }

    @Test
    void statusSaysSoAndTheSettingStaysOff() throws Exception {
        FedcredContext context = process();
        CliRun status = CliRun.run(context, "keychain", "status");
        assertThat(status.exitCode()).as(status.err()).isZero();
        assertThat(status.out()).contains("Keychain setting: off")
                .contains("OS keychain: Secret Service keyring (does not answer)")
                .contains("secret-tool is not installed").contains("sudo apt install libsecret-tools")
                .contains("Refresh tokens are kept in the token file");

        CliRun on = CliRun.run(context, "keychain", "on");
        assertThat(on.exitCode()).isEqualTo(1);
        assertThat(on.err()).contains("secret-tool is not installed");
        assertThat(new SettingsStore(context.paths().settingsFile(), TestTargetKinds.withoutServices()).load().keychain()).isFalse();
    }

    @Test
    void withTheSettingOnTheRefreshTokenStaysInMemoryForThisProcessOnly() throws Exception {
        FedcredContext first = process();
        first.settings().update(settings -> settings.withKeychain(true));

        CliRun login = CliRun.run(first, "login", "--issuer", "sandbox");
        assertThat(login.exitCode()).as(login.err()).isZero();
        assertThat(count(NOTICE, login.err())).as(login.err()).isEqualTo(1);
        assertThat(login.err()).contains("in memory for this run only");
        String file = Files.readString(first.paths().tokenCacheFile());
        assertThat(file).contains("id_token").doesNotContain("refresh_token");

        CliRun sameProcess = CliRun.run(first, "refresh");
        assertThat(sameProcess.exitCode()).as(sameProcess.err()).isZero();
        CliRun status = CliRun.run(first, "keychain", "status");
        assertThat(status.out()).contains("Keychain setting: on").contains("kept in memory only");

        CliRun nextProcess = CliRun.run(process(), "refresh");
        assertThat(nextProcess.exitCode()).isNotZero();
        assertThat(nextProcess.err()).contains("refresh token");
    }
}
