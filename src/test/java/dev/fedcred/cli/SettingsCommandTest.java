package dev.fedcred.cli;

import static org.assertj.core.api.Assertions.assertThat;

import dev.fedcred.FedcredContext;
import dev.fedcred.core.oidc.BrowserOpener;
import dev.fedcred.core.settings.Appearance;
import dev.fedcred.testing.CliRun;
import java.nio.file.Path;
import java.time.Clock;
import java.util.Map;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class SettingsCommandTest {
    @TempDir
    Path home;

    private FedcredContext context() {
        return new FedcredContext(Map.of("FEDCRED_HOME", home.toString()), Clock.systemUTC(), BrowserOpener.NONE);
    }

    @Test
    void showsAndSetsTheAppearanceKeepingTheIssuers() {
        assertThat(CliRun.run(context(), "settings", "appearance").out()).isEqualTo("system\n");
        CliRun.run(context(), "issuers", "add", "work", "--issuer-url", "https://login.example.test", "--client-id", "cid");

        CliRun set = CliRun.run(context(), "settings", "appearance", "Dark");
        assertThat(set.exitCode()).isZero();
        assertThat(set.out()).isEqualTo("Appearance: dark.\n");
        assertThat(CliRun.run(context(), "settings", "appearance").out()).isEqualTo("dark\n");
        assertThat(context().settings().load().appearance()).isEqualTo(Appearance.DARK);
        assertThat(context().issuers().find("work")).isPresent();
    }

    @Test
    void anUnknownWordIsAUsageErrorThatListsTheChoices() {
        CliRun wrong = CliRun.run(context(), "settings", "appearance", "sepia");
        assertThat(wrong.exitCode()).isEqualTo(2);
        assertThat(wrong.err()).contains("Unknown appearance \"sepia\": use one of system, light, dark.");
        assertThat(context().settings().load().appearance()).isEqualTo(Appearance.SYSTEM);
    }
}
