package dev.fedcred.ui.app;

import static dev.fedcred.ui.testing.WindowRobot.waitUntil;
import static org.assertj.core.api.Assertions.assertThat;

import dev.fedcred.FedcredContext;
import dev.fedcred.sandbox.SandboxOptions;
import dev.fedcred.sandbox.SandboxServer;
import dev.fedcred.ui.claims.ClaimsView;
import dev.fedcred.ui.testing.FollowingBrowser;
import dev.fedcred.ui.testing.TestContexts;
import dev.fedcred.ui.testing.WindowRobot;
import java.util.concurrent.atomic.AtomicInteger;
import javafx.stage.Stage;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;
import org.testfx.api.FxRobot;
import org.testfx.framework.junit5.ApplicationExtension;
import org.testfx.framework.junit5.Start;

/**
 * Nothing configured yet: the welcome banner offers the sandbox, and its button signs in to
 * fedcred's own sandbox issuer, started through the SandboxStarter on first use.
 */
@ExtendWith(ApplicationExtension.class)
class FirstStartTest {
    private final AtomicInteger sandboxStarts = new AtomicInteger();
    private volatile SandboxServer sandbox;
    private MainWindow window;

    @Start
    void start(Stage stage) {
        FedcredContext context = TestContexts.fresh(new FollowingBrowser());
        window = new MainWindow(context, () -> {
            if (sandboxStarts.incrementAndGet() == 1) {
                sandbox = SandboxServer.start(SandboxOptions.defaults().withPort(0).withAutoApprove(true));
            }
            return sandbox.issuerUri();
        });
        window.show(stage);
    }

    @AfterEach
    void stop() {
        window.close();
        if (sandbox != null) {
            sandbox.close();
        }
    }

    @Test
    void theWelcomeBannerOffersTheSandbox(FxRobot robot) {
        WindowRobot ui = new WindowRobot(robot);
        waitUntil(() -> ui.labelShowing(WelcomeBanner.TEXT));
        assertThat(ui.labelShowing("SANDBOX")).isTrue();
        assertThat(ui.buttonByAccessibleText("Sign in to sandbox")).isNotNull();
        assertThat(ui.labelShowing(ClaimsView.PLACEHOLDER)).isTrue();
    }

    @Test
    void theBannerSignsInToTheSandboxThroughTheStarter(FxRobot robot) {
        WindowRobot ui = new WindowRobot(robot);
        ui.click(ui.buttonByText(WelcomeBanner.BUTTON));

        // the row shows "sandbox (sandbox)" from the start; the status line only after sign-in
        waitUntil(() -> ui.labelShowingStartingWith("Signed in as "));
        waitUntil(() -> !ui.labelShowing(WelcomeBanner.TEXT));
        // the claims open once the sign-in task is done, which may be a moment after the row shows it
        waitUntil(() -> ui.labelShowing("sandbox (sandbox)"));
        assertThat(sandboxStarts).hasValue(1);
        assertThat(ui.labelShowingStartingWith("Signed in as sandbox.user@example.com")).isTrue();
    }
}
