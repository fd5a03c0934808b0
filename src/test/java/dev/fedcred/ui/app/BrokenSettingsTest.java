package dev.fedcred.ui.app;

import static dev.fedcred.ui.testing.WindowRobot.waitUntil;
import static org.assertj.core.api.Assertions.assertThat;

import dev.fedcred.FedcredContext;
import dev.fedcred.ui.issuers.IssuerDialog;
import dev.fedcred.ui.testing.TestContexts;
import dev.fedcred.ui.testing.WindowRobot;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import javafx.scene.control.Button;
import javafx.scene.control.TextField;
import javafx.stage.Stage;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;
import org.testfx.api.FxRobot;
import org.testfx.framework.junit5.ApplicationExtension;
import org.testfx.framework.junit5.Start;

/** A hand-edited settings.json that does not parse: the window says where, and never writes over it. */
@ExtendWith(ApplicationExtension.class)
class BrokenSettingsTest {
    private static final byte[] BROKEN = "{\n  \"issuers\": [\n    {\"name\": \"work\",,}\n  ]\n}\n"
            .getBytes(StandardCharsets.UTF_8);

    private FedcredContext context;
    private Path settings;
    private MainWindow window;

    @Start
    void start(Stage stage) {
        context = TestContexts.fresh(uri -> false);
        settings = context.settings().file();
        try {
            Files.createDirectories(settings.getParent());
            Files.write(settings, BROKEN);
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
        window = new MainWindow(context, () -> {
            throw new AssertionError("the sandbox is not started here");
        });
        window.show(stage);
    }

    @AfterEach
    void stop() {
        window.close();
    }

    @Test
    void theErrorNamesTheFileAndPositionAndTheSandboxStaysListed(FxRobot robot) throws Exception {
        WindowRobot ui = new WindowRobot(robot);

        waitUntil(() -> ui.labelShowingStartingWith("The settings file " + settings + " is not valid JSON at line 3"));
        assertThat(ui.buttonShowing("Sign in to sandbox")).isTrue();
        assertThat(ui.labelShowing(WelcomeBanner.TEXT)).isFalse();
        assertThat(ui.labelShowingStartingWith("Something unexpected")).isFalse();

        // reading it again changes nothing on disk
        ui.click(ui.buttonByText(MainWindow.READ_SETTINGS_AGAIN));
        waitUntil(() -> ui.buttonShowing("Sign in to sandbox"));
        assertThat(Files.readAllBytes(settings)).isEqualTo(BROKEN);
    }

    @Test
    void savingAnIssuerShowsTheErrorInTheDialogAndKeepsTheFile(FxRobot robot) throws Exception {
        WindowRobot ui = new WindowRobot(robot);
        waitUntil(() -> ui.labelShowingStartingWith("The settings file "));
        ui.click(ui.buttonByAccessibleText(MainWindow.ADD_ISSUER));
        ui.enter(ui.byAccessibleText(TextField.class, "Name"), "work");
        ui.enter(ui.byAccessibleText(TextField.class, "Issuer URL"), "https://id.example.com");
        ui.enter(ui.byAccessibleText(TextField.class, "Client ID"), "client");
        ui.click(ui.byAccessibleText(Button.class, IssuerDialog.SAVE));

        // the error shows in the dialog, which keeps what was typed
        waitUntil(() -> ui.dialogError("issuer-dialog") != null);
        assertThat(ui.dialogError("issuer-dialog")).contains(settings.toString(), "line 3");
        assertThat(ui.byAccessibleText(TextField.class, "Client ID").getText()).isEqualTo("client");
        assertThat(ui.byAccessibleText(Button.class, IssuerDialog.SAVE).isDisabled()).isFalse();
        assertThat(Files.readAllBytes(settings)).isEqualTo(BROKEN);
    }
}
