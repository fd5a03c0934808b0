package dev.fedcred.ui.app;

import static dev.fedcred.ui.testing.WindowRobot.waitUntil;
import static org.assertj.core.api.Assertions.assertThat;

import dev.fedcred.FedcredContext;
import dev.fedcred.sandbox.SandboxOptions;
import dev.fedcred.sandbox.SandboxServer;
import dev.fedcred.testing.SandboxHome;
import dev.fedcred.ui.issuers.DeviceSignInDialog;
import dev.fedcred.ui.issuers.ManualUrlBox;
import dev.fedcred.ui.testing.WindowRobot;
import java.nio.file.Path;
import java.time.Clock;
import java.time.Duration;
import java.util.Optional;
import javafx.scene.Node;
import javafx.scene.control.Label;
import javafx.scene.control.TextField;
import javafx.stage.Stage;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;
import org.junit.jupiter.api.io.TempDir;
import org.testfx.api.FxRobot;
import org.testfx.framework.junit5.ApplicationExtension;
import org.testfx.framework.junit5.Start;

/**
 * When no browser can be opened, the window offers the device sign-in: a dialog with the page, the
 * code, a countdown and Cancel, against the sandbox over real HTTP (one-second polls).
 */
@ExtendWith(ApplicationExtension.class)
class DeviceSignInWindowTest {
    @TempDir
    Path home;

    private SandboxServer sandbox;
    private FedcredContext context;
    private MainWindow window;

    @Start
    void start(Stage stage) throws Exception {
        sandbox = SandboxServer.start(SandboxOptions.defaults().withPort(0).withDataDir(SandboxHome.sandboxDataDir(home)));
        sandbox.deviceCodes().setInterval(Duration.ofSeconds(1));
        // a computer without a browser: opening one always fails
        context = new FedcredContext(SandboxHome.environment(sandbox, home), Clock.systemUTC(), uri -> false);
        window = new MainWindow(context, sandbox::issuerUri, DesktopHooks.system());
        window.show(stage);
    }

    @AfterEach
    void stop() {
        window.close();
        sandbox.close();
    }

    private static Optional<String> codeShowing(WindowRobot ui) {
        return ui.findShowing(node -> node instanceof Label label && label.getStyleClass().contains("device-code")
                && label.getText().matches("[B-Z]{4}-[B-Z]{4}")).map(node -> ((Label) node).getText());
    }

    private void openTheCodeDialog(WindowRobot ui) {
        ui.click(ui.buttonByAccessibleText("Sign in to sandbox"));
        waitUntil(() -> ui.labelShowing(ManualUrlBox.PROMPT));
        ui.click(ui.buttonByText(ManualUrlBox.WITH_CODE));
        waitUntil(() -> codeShowing(ui).isPresent());
    }

    @Test
    void withoutABrowserTheCodeIsShownAndApprovingItElsewhereSignsIn(FxRobot robot) {
        WindowRobot ui = new WindowRobot(robot);
        openTheCodeDialog(ui);

        Node page = ui.findShowing(node -> node instanceof TextField field && "Page to open".equals(field.getAccessibleText()))
                .orElseThrow();
        assertThat(((TextField) page).getText()).isEqualTo(sandbox.issuerUri() + "/device");
        assertThat(ui.buttonByText(DeviceSignInDialog.COPY_CODE)).isNotNull();
        assertThat(ui.buttonByText(DeviceSignInDialog.COPY_PAGE)).isNotNull();
        assertThat(ui.labelShowingStartingWith("The code expires in 0:09:5")
                || ui.labelShowing("The code expires in 0:10:00.")).isTrue();
        // the loopback sign-in stopped waiting when the code took over
        assertThat(ui.labelShowing(ManualUrlBox.PROMPT)).isFalse();

        sandbox.deviceCodes().approveAll();

        waitUntil(() -> codeShowing(ui).isEmpty());
        waitUntil(() -> ui.labelShowingStartingWith("Signed in as sandbox.user@example.com"));
        assertThat(context.sessions().current("sandbox")).isPresent();
    }

    @Test
    void cancelClosesTheDialogAndStoresNothing(FxRobot robot) throws InterruptedException {
        WindowRobot ui = new WindowRobot(robot);
        openTheCodeDialog(ui);

        ui.click(ui.buttonByText("Cancel"));

        waitUntil(() -> codeShowing(ui).isEmpty());
        assertThat(ui.labelShowing("Not signed in")).isTrue();
        // approved after the cancel: nobody polls any more, so nothing is stored
        sandbox.deviceCodes().approveAll();
        Thread.sleep(2_500);
        assertThat(context.sessions().current("sandbox")).isEmpty();
        assertThat(ui.labelShowingStartingWith("Signed in as")).isFalse();
    }

    @Test
    void aDeniedCodeSaysSoInTheDialog(FxRobot robot) {
        WindowRobot ui = new WindowRobot(robot);
        openTheCodeDialog(ui);

        sandbox.deviceCodes().denyAll();

        waitUntil(() -> ui.labelShowingContaining("sign in again and approve it"));
        assertThat(ui.buttonByText("Close")).isNotNull();
        assertThat(context.sessions().current("sandbox")).isEmpty();
    }
}
