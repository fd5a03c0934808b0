package dev.fedcred.ui.app;

import dev.fedcred.FedcredContext;
import dev.fedcred.core.oidc.IssuerConfig;
import dev.fedcred.core.oidc.IssuerKind;
import dev.fedcred.core.settings.SettingsStore;
import dev.fedcred.testing.TestTargetKinds;
import dev.fedcred.ui.claims.ClaimsView;
import dev.fedcred.ui.issuers.IssuerDialog;
import dev.fedcred.ui.issuers.IssuerForm;
import dev.fedcred.ui.testing.FollowingBrowser;
import dev.fedcred.ui.testing.WindowRobot;
import java.net.URI;
import java.nio.file.Files;
import java.util.List;
import javafx.scene.control.Button;
import javafx.scene.control.RadioButton;
import javafx.scene.control.TextField;
import javafx.scene.input.KeyCode;
import javafx.stage.Stage;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;
import org.testfx.api.FxRobot;
import org.testfx.framework.junit5.ApplicationExtension;
import org.testfx.framework.junit5.Start;

import static dev.fedcred.ui.testing.WindowRobot.waitUntil;
import static org.assertj.core.api.Assertions.assertThat;

/** Issuers are added, edited and removed from the window, and the settings file follows. */
@ExtendWith(ApplicationExtension.class)
class IssuerEditingTest {
    private MockIssuerWindow mock;
    private FedcredContext context;

    @Start
    void start(Stage stage) {
        mock = MockIssuerWindow.show(stage, new FollowingBrowser());
        context = mock.context();
    }

    @AfterEach
    void stop() {
        mock.close();
    }

    @Test
    void anIssuerAddedInTheDialogIsSavedAndCanSignIn(FxRobot robot) throws Exception {
        WindowRobot ui = new WindowRobot(robot);
        ui.click(ui.buttonByAccessibleText(MainWindow.ADD_ISSUER));

        TextField clientId = ui.byAccessibleText(TextField.class, "Client ID");
        assertThat(ui.byAccessibleText(RadioButton.class, "Provider: " + IssuerForm.Provider.OTHER.text).isSelected())
                .isTrue();
        assertThat(ui.byAccessibleText(TextField.class, "Scopes").getText()).isEqualTo("openid email profile");
        ui.enter(ui.byAccessibleText(TextField.class, "Name"), "keycloak");
        ui.enter(ui.byAccessibleText(TextField.class, "Issuer URL"), issuerUrl().toString());
        ui.enter(clientId, "ui-client");
        // Enter in a field saves once the form is valid
        robot.clickOn(clientId).type(KeyCode.ENTER);

        waitUntil(() -> ui.buttonShowing("Sign in to keycloak"));
        assertThat(ui.buttonShowing("Save")).isFalse();
        // what a later run (or the CLI) reads back from the file
        IssuerConfig saved = new SettingsStore(context.settings().file(), TestTargetKinds.withoutServices()).load().issuer("keycloak").orElseThrow();
        assertThat(saved).isEqualTo(new IssuerConfig("keycloak", IssuerKind.GENERIC, issuerUrl(), "ui-client", null,
                null, null));

        ui.click(ui.buttonByAccessibleText("Sign in to keycloak"));
        waitUntil(() -> ui.labelShowingStartingWith("Signed in as "));
        assertThat(context.sessions().current("keycloak")).isPresent();
    }

    @Test
    void invalidFieldsSayWhatIsWrongAndSaveStaysDisabled(FxRobot robot) throws Exception {
        byte[] settingsBefore = Files.readAllBytes(context.settings().file());
        WindowRobot ui = new WindowRobot(robot);
        ui.click(ui.buttonByAccessibleText(MainWindow.ADD_ISSUER));
        Button save = ui.byAccessibleText(Button.class, IssuerDialog.SAVE);
        assertThat(save.isDisabled()).isTrue();
        // untouched fields do not shout; the footer says what is still needed
        assertThat(ui.fieldError("Name")).isEmpty();
        assertThat(ui.labelShowing("Still needed: name, issuer URL, client ID.")).isTrue();
        // Enter on an incomplete form shows every problem instead of doing nothing
        robot.clickOn(ui.byAccessibleText(TextField.class, "Name")).type(KeyCode.ENTER);
        waitUntil(() -> ui.fieldError("Name").isPresent());
        assertThat(ui.fieldError("Client ID")).isPresent();
        assertThat(ui.buttonShowing(IssuerDialog.SAVE)).isTrue();

        ui.enter(ui.byAccessibleText(TextField.class, "Name"), "my issuer");
        ui.enter(ui.byAccessibleText(TextField.class, "Issuer URL"), "http://example.com");
        TextField clientId = ui.byAccessibleText(TextField.class, "Client ID");
        ui.enter(clientId, "x");
        ui.enter(clientId, "");
        ui.click(ui.byAccessibleText(RadioButton.class, "Redirect: " + IssuerForm.Redirect.FIXED.text));
        ui.enter(ui.byAccessibleText(TextField.class, "Redirect URI"), "https://127.0.0.1:3000/auth/callback");

        waitUntil(() -> ui.fieldError("Redirect URI").isPresent());
        assertThat(ui.fieldError("Name")).hasValueSatisfying(error -> assertThat(error).contains("letters, digits"));
        assertThat(ui.fieldError("Issuer URL")).hasValueSatisfying(error -> assertThat(error).contains("https://"));
        assertThat(ui.fieldError("Client ID")).hasValueSatisfying(error -> assertThat(error).contains("client ID"));
        assertThat(ui.fieldError("Redirect URI"))
                .hasValueSatisfying(error -> assertThat(error).contains("http://127.0.0.1:PORT/PATH"));
        assertThat(save.isDisabled()).isTrue();
        // each wrong field carries ControlsFX's error mark too, saying the same as the text under it
        for (String field : List.of("Name", "Issuer URL", "Client ID", "Redirect URI")) {
            waitUntil(() -> ui.fieldMark(field).isPresent() && ui.fieldMark(field).equals(ui.fieldError(field)));
        }

        ui.enter(ui.byAccessibleText(TextField.class, "Name"), "fixed");
        ui.enter(ui.byAccessibleText(TextField.class, "Issuer URL"), "https://id.example.com");
        ui.enter(clientId, "client");
        ui.enter(ui.byAccessibleText(TextField.class, "Redirect URI"), "http://127.0.0.1:3000/auth/callback");
        waitUntil(() -> !save.isDisabled());
        assertThat(ui.fieldError("Name")).isEmpty();
        assertThat(ui.fieldError("Redirect URI")).isEmpty();
        waitUntil(() -> ui.fieldMark("Name").isEmpty() && ui.fieldMark("Redirect URI").isEmpty());

        // Escape cancels: nothing is written
        robot.clickOn(clientId).type(KeyCode.ESCAPE);
        waitUntil(() -> !ui.buttonShowing(IssuerDialog.SAVE));
        assertThat(Files.readAllBytes(context.settings().file())).isEqualTo(settingsBefore);
    }

    @Test
    void editingPrefillsTheFormAndSavesTheNewClientId(FxRobot robot) {
        WindowRobot ui = new WindowRobot(robot);
        ui.click(ui.buttonByAccessibleText("Edit mock"));

        TextField clientId = ui.byAccessibleText(TextField.class, "Client ID");
        assertThat(clientId.getText()).isEqualTo("fedcred-test-client");
        assertThat(ui.byAccessibleText(TextField.class, "Name").getText()).isEqualTo("mock");
        assertThat(ui.byAccessibleText(TextField.class, "Issuer URL").getText()).isEqualTo(issuerUrl().toString());
        ui.enter(clientId, "second-client");
        ui.click(ui.byAccessibleText(Button.class, IssuerDialog.SAVE));

        waitUntil(() -> "second-client".equals(
                new SettingsStore(context.settings().file(), TestTargetKinds.withoutServices()).load().issuer("mock").orElseThrow().clientId()));
        waitUntil(() -> !ui.buttonShowing(IssuerDialog.SAVE));
        assertThat(context.issuers().all()).extracting(IssuerConfig::name).containsExactly("mock", "sandbox");
        assertThat(ui.buttonShowing("Sign in to mock")).isTrue();
    }

    @Test
    void renamingReplacesTheIssuerAndForgetsTheOldSignIn(FxRobot robot) {
        WindowRobot ui = new WindowRobot(robot);
        ui.click(ui.buttonByAccessibleText("Sign in to mock"));
        waitUntil(() -> ui.labelShowingStartingWith("Signed in as "));

        ui.click(ui.buttonByAccessibleText("Edit mock"));
        ui.enter(ui.byAccessibleText(TextField.class, "Name"), "renamed");
        ui.click(ui.byAccessibleText(Button.class, IssuerDialog.SAVE));

        waitUntil(() -> ui.buttonShowing("Sign in to renamed"));
        waitUntil(() -> ui.labelShowing(ClaimsView.PLACEHOLDER));
        assertThat(ui.buttonShowing("Sign in to mock")).isFalse();
        assertThat(context.issuers().all()).extracting(IssuerConfig::name).containsExactly("renamed", "sandbox");
        assertThat(context.sessions().current("mock")).isEmpty();
    }

    @Test
    void removeAsksFirstThenRemovesTheRowAndTheSettingsEntry(FxRobot robot) throws Exception {
        WindowRobot ui = new WindowRobot(robot);
        ui.click(ui.buttonByAccessibleText("Remove mock"));
        waitUntil(() -> ui.labelShowing("Remove issuer mock? Its saved sign-in is forgotten."));

        // keeping it changes nothing
        ui.click(ui.buttonByAccessibleText("Keep issuer mock"));
        waitUntil(() -> !ui.labelShowing("Remove issuer mock? Its saved sign-in is forgotten."));
        assertThat(context.issuers().find("mock")).isPresent();

        ui.click(ui.buttonByAccessibleText("Remove mock"));
        ui.click(ui.buttonByAccessibleText("Remove issuer mock"));

        waitUntil(() -> !ui.buttonShowing("Sign in to mock"));
        assertThat(ui.buttonShowing("Sign in to sandbox")).isTrue();
        assertThat(new SettingsStore(context.settings().file(), TestTargetKinds.withoutServices()).load().issuers()).isEmpty();
        assertThat(context.issuers().find("mock")).isEmpty();
    }

    private URI issuerUrl() {
        return mock.issuerUrl();
    }
}
