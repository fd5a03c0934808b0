package dev.fedcred.ui.app;

import static dev.fedcred.ui.testing.WindowRobot.waitUntil;
import static org.assertj.core.api.Assertions.assertThat;

import dev.fedcred.FedcredContext;
import dev.fedcred.sandbox.SandboxOptions;
import dev.fedcred.sandbox.SandboxServer;
import dev.fedcred.testing.ClockPollPause;
import dev.fedcred.testing.MutableClock;
import dev.fedcred.testing.SandboxHome;
import dev.fedcred.ui.issuers.DeviceSignInDialog;
import dev.fedcred.ui.issuers.IssuerRow;
import dev.fedcred.ui.issuers.ManualUrlBox;
import dev.fedcred.ui.testing.WindowRobot;
import java.nio.file.Path;
import java.time.Duration;
import java.time.Instant;
import java.time.temporal.ChronoUnit;
import java.util.List;
import java.util.Optional;
import java.util.concurrent.atomic.AtomicInteger;
import javafx.scene.control.MenuButton;
import javafx.scene.control.MenuItem;
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
import org.testfx.util.WaitForAsyncUtils;

/**
 * When no browser can be opened, the window offers the device sign-in: a dialog with the page, the
 * code, a countdown and Cancel, against the sandbox over real HTTP. The window and the sandbox share
 * a stopped clock, and each wait between polls stands until the test lets it go and then moves that
 * clock by the wait: countdowns are exact, the sandbox's own "too soon" check judges the client's
 * interval, and nothing sleeps.
 */
@ExtendWith(ApplicationExtension.class)
class DeviceSignInWindowTest {
    private static final Duration INTERVAL = Duration.ofSeconds(5);

    @TempDir
    Path home;

    private final MutableClock clock = MutableClock.stoppedAt(Instant.now().truncatedTo(ChronoUnit.SECONDS));
    private final ClockPollPause polls = ClockPollPause.held(clock);
    private final AtomicInteger browserOpened = new AtomicInteger();
    private SandboxServer sandbox;
    private FedcredContext context;
    private MainWindow window;

    @Start
    void start(Stage stage) throws Exception {
        sandbox = SandboxServer.start(SandboxOptions.defaults().withPort(0)
                .withDataDir(SandboxHome.sandboxDataDir(home)), clock);
        sandbox.deviceCodes().setInterval(INTERVAL);
        // a computer without a browser: opening one always fails
        context = new FedcredContext(SandboxHome.environment(sandbox, home), clock, uri -> {
            browserOpened.incrementAndGet();
            return false;
        }, List.of(), polls);
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
        // the first wait stands: no poll yet
        waitUntil(() -> polls.waits().size() == 1);
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
        assertThat(ui.labelShowing("The code expires in 0:10:00.")).isTrue();
        assertThat(polls.waits()).containsExactly(INTERVAL);
        // the loopback sign-in stopped waiting when the code took over
        assertThat(ui.labelShowing(ManualUrlBox.PROMPT)).isFalse();

        // the first poll finds the user not done yet and is told to slow down: five seconds more from now on
        sandbox.deviceCodes().slowDownNext();
        polls.letOneGo();
        waitUntil(() -> polls.waits().size() == 2);
        assertThat(polls.waits()).containsExactly(INTERVAL, INTERVAL.plusSeconds(5));
        waitUntil(() -> ui.labelShowing("The code expires in 0:09:55."));

        sandbox.deviceCodes().approveAll();
        // the next poll comes the slowed interval later, so the sandbox hands out the tokens (a poll
        // sooner, by the sandbox's own clock, would be told to slow down again and never sign in)
        polls.letOneGo();

        waitUntil(() -> codeShowing(ui).isEmpty());
        waitUntil(() -> ui.labelShowingStartingWith("Signed in as sandbox.user@example.com"));
        assertThat(context.sessions().current("sandbox")).isPresent();
        assertThat(polls.waits()).hasSize(2);
    }

    @Test
    void cancelInTheMiddleOfAWaitClosesTheDialogAndStoresNothing(FxRobot robot) {
        WindowRobot ui = new WindowRobot(robot);
        openTheCodeDialog(ui);
        // approved elsewhere, but the Cancel comes before the next poll could collect it
        sandbox.deviceCodes().approveAll();

        ui.click(ui.buttonByText("Cancel"));

        waitUntil(() -> polls.cancelledWaits() == 1);
        waitUntil(() -> codeShowing(ui).isEmpty());
        WaitForAsyncUtils.waitForFxEvents();
        assertThat(ui.labelShowing("Not signed in")).isTrue();
        assertThat(context.sessions().current("sandbox")).isEmpty();
        assertThat(ui.labelShowingStartingWith("Signed in as")).isFalse();
        assertThat(polls.waits()).hasSize(1);
    }

    private MenuItem codeItem(WindowRobot ui) {
        MenuButton menu = ui.byAccessibleText(MenuButton.class, "Other ways to sign in to sandbox");
        ui.click(menu);
        return menu.getItems().get(0);
    }

    @Test
    void theSignInMenuOffersACodeWithoutTryingTheBrowserFirst(FxRobot robot) {
        WindowRobot ui = new WindowRobot(robot);

        MenuItem withCode = codeItem(ui);
        // offered once the sandbox's discovery document was read and lists the device endpoint
        waitUntil(() -> !withCode.isDisable());
        assertThat(withCode.getText()).isEqualTo(IssuerRow.SIGN_IN_WITH_CODE);
        robot.clickOn(IssuerRow.SIGN_IN_WITH_CODE);

        waitUntil(() -> codeShowing(ui).isPresent());
        waitUntil(() -> polls.waits().size() == 1);
        assertThat(ui.labelShowing("The code expires in 0:10:00.")).isTrue();
        assertThat(browserOpened).hasValue(0);
        sandbox.deviceCodes().approveAll();
        polls.letOneGo();
        waitUntil(() -> ui.labelShowingStartingWith("Signed in as sandbox.user@example.com"));
        assertThat(context.sessions().current("sandbox")).isPresent();
    }

    @Test
    void anIssuerWithoutTheDeviceGrantHasTheChoiceDisabledAndSaysWhy(FxRobot robot) {
        WindowRobot ui = new WindowRobot(robot);
        sandbox.deviceCodes().setOffered(false);

        MenuItem withCode = codeItem(ui);

        waitUntil(() -> withCode.getText().contains("does not offer it"));
        assertThat(withCode.isDisable()).isTrue();
        assertThat(browserOpened).hasValue(0);
    }

    @Test
    void aDeniedCodeSaysSoInTheDialog(FxRobot robot) {
        WindowRobot ui = new WindowRobot(robot);
        openTheCodeDialog(ui);

        sandbox.deviceCodes().denyAll();
        polls.letOneGo();

        waitUntil(() -> ui.labelShowingContaining("sign in again and approve it"));
        assertThat(ui.buttonByText("Close")).isNotNull();
        assertThat(context.sessions().current("sandbox")).isEmpty();
    }
}
