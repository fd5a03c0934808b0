package dev.fedcred.ui.app;

import com.fasterxml.jackson.databind.JsonNode;
import dev.fedcred.FedcredContext;
import dev.fedcred.core.Json;
import dev.fedcred.core.settings.SandboxGcpEndpoints;
import dev.fedcred.core.settings.SettingsStore;
import dev.fedcred.core.gcp.GcpWorkloadTarget;
import dev.fedcred.sandbox.SandboxGcp;
import dev.fedcred.sandbox.SandboxOptions;
import dev.fedcred.sandbox.SandboxServer;
import dev.fedcred.testing.SandboxHome;
import dev.fedcred.testing.TestTargetKinds;
import dev.fedcred.ui.fx.FormDialog;
import dev.fedcred.ui.testing.FollowingBrowser;
import dev.fedcred.ui.testing.WindowRobot;
import java.nio.file.Path;
import java.time.Clock;
import java.time.Duration;
import java.util.Optional;
import javafx.scene.control.Button;
import javafx.scene.control.CheckBox;
import javafx.scene.control.TextField;
import javafx.stage.Stage;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;
import org.junit.jupiter.api.io.TempDir;
import org.testfx.api.FxRobot;
import org.testfx.framework.junit5.ApplicationExtension;
import org.testfx.framework.junit5.Start;

import static dev.fedcred.ui.testing.WindowRobot.waitUntil;
import static org.assertj.core.api.Assertions.assertThat;

/**
 * A GCP target the CLI added with the sandbox's endpoints: the window edits it without losing
 * them, gets real credentials for it from the sandbox's emulator, and deletes it with its ADC file.
 */
@ExtendWith(ApplicationExtension.class)
class GcpTargetEditingTest {
    @TempDir
    Path home;

    private SandboxServer sandbox;
    private FedcredContext context;
    private MainWindow window;
    private GcpWorkloadTarget added;

    @Start
    void start(Stage stage) throws Exception {
        sandbox = SandboxServer.start(SandboxOptions.defaults().withPort(0).withGcpPort(0).withAutoApprove(true)
                .withDataDir(SandboxHome.sandboxDataDir(home)));
        context = new FedcredContext(SandboxHome.environment(sandbox, home), Clock.systemUTC(), new FollowingBrowser());
        SandboxGcpEndpoints endpoints = SandboxGcpEndpoints.of(context.sandboxGcpPort(), context.paths().sandboxDir());
        // as `fedcred targets add-gcp ... --sts-endpoint --iamcredentials-endpoint --ca-file` saves it
        added = new GcpWorkloadTarget("gcp-sb", SandboxGcp.PROJECT_NUMBER, SandboxGcp.POOL_ID, SandboxGcp.PROVIDER_ID,
                SandboxGcp.SERVICE_ACCOUNT, null, null, home.resolve("gcloud/adc.json"), "sandbox", endpoints.sts(),
                endpoints.iamCredentials(), endpoints.caFile());
        context.targetEditor().save(added, null);
        window = new MainWindow(context, sandbox::issuerUri, (owner, title, suggested) -> Optional.empty());
        window.show(stage);
    }

    @AfterEach
    void stop() {
        window.close();
        sandbox.close();
    }

    @Test
    void editingKeepsTheEndpointsAndDeletingRemovesTheAdcFileFedcredWrote(FxRobot robot) throws Exception {
        WindowRobot ui = new WindowRobot(robot);
        ui.click(ui.buttonByAccessibleText("Edit target gcp-sb…"));
        assertThat(ui.byAccessibleText(TextField.class, "STS endpoint").getText()).isEqualTo(added.stsEndpoint().toString());
        assertThat(ui.byAccessibleText(TextField.class, "CA file").getText()).isEqualTo(added.trustedCaFile().toString());
        // the picker was cancelled: the field keeps its file
        ui.click(ui.buttonByAccessibleText("Browse for the ADC file"));
        assertThat(ui.byAccessibleText(TextField.class, "ADC file").getText()).isEqualTo(added.adcFile().toString());
        ui.enter(ui.byAccessibleText(TextField.class, "Token lifetime"), "1800");
        Button save = ui.byAccessibleText(Button.class, FormDialog.SAVE);
        waitUntil(() -> !save.isDisabled());
        ui.click(save);

        GcpWorkloadTarget edited = new GcpWorkloadTarget(added.name(), added.projectNumber(), added.poolId(),
                added.providerId(), added.serviceAccount(), added.scopes(), Duration.ofMinutes(30), added.adcFile(),
                added.issuer(), added.stsEndpoint(), added.iamCredentialsEndpoint(), added.trustedCaFile());
        waitUntil(() -> new SettingsStore(context.settings().file(), TestTargetKinds.withoutServices()).load().targets().contains(edited));
        waitUntil(() -> ui.labelShowing("Saved the target gcp-sb."));

        ui.click(ui.buttonByAccessibleText("Sign in to sandbox"));
        waitUntil(() -> ui.labelShowingStartingWith("Signed in as sandbox.user@example.com"));
        ui.click(ui.buttonByAccessibleText("Get credentials gcp-sb"));
        waitUntil(() -> ui.labelShowing("Wrote Google ADC " + added.adcFile() + " for " + SandboxGcp.SERVICE_ACCOUNT));
        JsonNode adc = Json.MAPPER.readTree(added.adcFile().toFile());
        assertThat(adc.path("fedcred").path("target").asText()).isEqualTo("gcp-sb");
        assertThat(adc.path("service_account_impersonation").path("token_lifetime_seconds").asInt())
                .as("the edited lifetime").isEqualTo(1800);

        ui.click(ui.buttonByAccessibleText("Delete target gcp-sb…"));
        CheckBox alsoFile = ui.byAccessibleText(CheckBox.class, "Also remove the credentials of gcp-sb");
        assertThat(alsoFile.getText()).startsWith("Also remove the Google ADC file " + added.adcFile());
        ui.click(ui.buttonByAccessibleText("Confirm deleting target gcp-sb"));

        waitUntil(() -> ui.labelShowing("Deleted the target gcp-sb. Removed the Google ADC file " + added.adcFile() + "."));
        assertThat(added.adcFile()).doesNotExist();
        assertThat(new SettingsStore(context.settings().file(), TestTargetKinds.withoutServices()).load().targets()).isEmpty();
        assertThat(ui.buttonShowing("Get credentials gcp-sb")).isFalse();
    }
}
