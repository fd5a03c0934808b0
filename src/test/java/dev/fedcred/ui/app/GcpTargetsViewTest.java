package dev.fedcred.ui.app;

import static dev.fedcred.ui.testing.WindowRobot.waitUntil;
import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import dev.fedcred.core.FedcredPaths;
import dev.fedcred.core.Json;
import dev.fedcred.sandbox.SandboxGcp;
import dev.fedcred.testing.MutableClock;
import dev.fedcred.ui.testing.SceneTexts;
import dev.fedcred.ui.testing.WindowRobot;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.time.Instant;
import java.time.temporal.ChronoUnit;
import java.util.List;
import java.util.Map;
import javafx.scene.control.Button;
import javafx.scene.control.Label;
import javafx.stage.Stage;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;
import org.junit.jupiter.api.io.TempDir;
import org.testfx.api.FxRobot;
import org.testfx.framework.junit5.ApplicationExtension;
import org.testfx.framework.junit5.Start;

/**
 * The built-in sandbox-gcp target against a real auto-approving sandbox (issuer and GCP
 * emulator), writing a real ADC file in a temporary home: get credentials, the countdown, a
 * foreign ADC file, removal that restores it.
 */
@ExtendWith(ApplicationExtension.class)
class GcpTargetsViewTest {
    private static final String GET = "Get credentials sandbox-gcp";
    private static final String REMOVE = "Remove credentials sandbox-gcp";
    private static final String FOREIGN = "{\"type\":\"authorized_user\",\"client_id\":\"fake\",\"refresh_token\":\"fake\"}\n";

    @TempDir
    Path home;

    /** Stands still until the test moves it, so the countdown shows exact seconds. */
    private final MutableClock clock = MutableClock.stoppedAt(Instant.now().truncatedTo(ChronoUnit.SECONDS));
    private SandboxWindow shown;

    @Start
    void start(Stage stage) throws Exception {
        shown = SandboxWindow.show(stage, home, DesktopHooks.system(), clock);
    }

    @AfterEach
    void stop() {
        shown.close();
    }

    private Path adc() {
        return home.resolve("fedcred/state/sandbox/gcp-application_default_credentials.json");
    }

    @Test
    void getCredentialsWritesTheAdcFileCountsDownAndRemoveTakesItOut(FxRobot robot) throws Exception {
        WindowRobot ui = new WindowRobot(robot);
        waitUntil(() -> ui.labelShowing("Workload identity provider " + SandboxGcp.PROJECT_NUMBER + " / "
                + SandboxGcp.POOL_ID + " / " + SandboxGcp.PROVIDER_ID));
        assertThat(ui.labelShowing("Service account " + SandboxGcp.SERVICE_ACCOUNT)).isTrue();
        assertThat(ui.labelShowing("→ Google ADC " + adc())).isTrue();
        assertThat(ui.buttonByAccessibleText(REMOVE).isDisabled()).isTrue();

        signIn(ui);
        Button get = ui.buttonByAccessibleText(GET);
        assertThat(get.getText()).isEqualTo("Get credentials");
        ui.click(get);
        waitUntil(() -> ui.labelShowing("Wrote Google ADC " + adc() + " for " + SandboxGcp.SERVICE_ACCOUNT));
        JsonNode written = Json.MAPPER.readTree(adc().toFile());
        assertThat(written.path("type").asText()).isEqualTo("external_account");

        // the row shows its model's text for the ticker's second, and the next one when the clock moves
        waitUntil(() -> !statusText(ui).isEmpty());
        assertThat(statusText(ui)).isEqualTo(shown.statusAt("sandbox-gcp", clock.instant()));
        clock.advance(Duration.ofSeconds(1));
        waitUntil(() -> statusText(ui).equals(shown.statusAt("sandbox-gcp", clock.instant())));
        assertNoAccessTokenShows();

        Button remove = ui.buttonByAccessibleText(REMOVE);
        waitUntil(() -> !remove.isDisabled());
        ui.click(remove);
        waitUntil(() -> ui.labelShowingStartingWith("Remove the Google ADC file " + adc()));
        ui.click(ui.buttonByAccessibleText("Confirm removing credentials sandbox-gcp"));
        waitUntil(() -> ui.labelShowing("Removed the Google ADC file " + adc() + "."));
        assertThat(adc()).doesNotExist();
        assertThat(remove.isDisabled()).isTrue();
    }

    @Test
    void aForeignAdcFileIsReplacedOnlyAfterConfirmingAndRestoredOnRemove(FxRobot robot) throws Exception {
        WindowRobot ui = new WindowRobot(robot);
        Files.writeString(adc(), FOREIGN);
        byte[] before = Files.readAllBytes(adc());
        String question = "The file " + adc() + " was not written by fedcred. Replace it? fedcred keeps a backup"
                + " and restores it when you remove its credentials.";
        signIn(ui);

        ui.click(ui.buttonByAccessibleText(GET));
        waitUntil(() -> ui.labelShowing(question));
        ui.click(ui.buttonByAccessibleText("Keep ADC file for sandbox-gcp"));
        waitUntil(() -> ui.labelShowing("Kept your file " + adc() + "; fedcred wrote nothing."));
        assertThat(Files.readAllBytes(adc())).isEqualTo(before);

        ui.click(ui.buttonByAccessibleText(GET));
        waitUntil(() -> ui.labelShowing(question));
        ui.click(ui.buttonByAccessibleText("Replace ADC file for sandbox-gcp"));
        waitUntil(() -> ui.labelShowingStartingWith("Wrote Google ADC " + adc()));
        assertThat(Json.MAPPER.readTree(adc().toFile()).path("type").asText()).isEqualTo("external_account");

        ui.click(ui.buttonByAccessibleText(REMOVE));
        ui.click(ui.buttonByAccessibleText("Confirm removing credentials sandbox-gcp"));
        waitUntil(() -> ui.labelShowing("Removed fedcred's credentials from " + adc()
                + " and put back the file it had replaced."));
        assertThat(Files.readAllBytes(adc())).isEqualTo(before);
    }

    @Test
    void gettingCredentialsBeforeSigningInOffersTheSignInRightThere(FxRobot robot) {
        WindowRobot ui = new WindowRobot(robot);
        ui.click(ui.buttonByAccessibleText(GET));
        waitUntil(() -> ui.labelShowingStartingWith("You are not signed in to sandbox (sandbox)."));
        Button signIn = ui.buttonByAccessibleText("Sign in to sandbox for sandbox-gcp");
        assertThat(adc()).doesNotExist();

        ui.click(signIn);
        waitUntil(() -> ui.labelShowing("Signed in to sandbox. Get credentials now gets the credentials."));
        ui.click(ui.buttonByAccessibleText(GET));
        waitUntil(() -> ui.labelShowingStartingWith("Wrote Google ADC " + adc()));
    }

    private static void signIn(WindowRobot ui) {
        ui.click(ui.buttonByAccessibleText("Sign in to sandbox"));
        waitUntil(() -> ui.labelShowingStartingWith("Signed in as sandbox.user@example.com"));
    }

    private static String statusText(WindowRobot ui) {
        return ui.findShowing(node -> node instanceof Label label && label.getText() != null
                        && label.getText().startsWith("Credentials valid for "))
                .map(node -> ((Label) node).getText()).orElse("");
    }

    /** Every text in every window, visible or not: none holds the access token from the cache. */
    private void assertNoAccessTokenShows() throws Exception {
        String cache = Files.readString(gcpTokenCache());
        String token = Json.MAPPER.readTree(cache).findValue("access_token").asText();
        assertThat(token).hasSizeGreaterThan(10);
        List<String> texts = SceneTexts.everywhere();
        assertThat(texts).isNotEmpty().noneMatch(text -> text.contains(token));
    }

    private Path gcpTokenCache() {
        return FedcredPaths.fromEnvironment(Map.of("FEDCRED_HOME", home.resolve("fedcred").toString()))
                .gcpTokenCacheFile();
    }

}
