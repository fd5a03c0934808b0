package dev.fedcred.ui;

import static dev.fedcred.ui.WindowRobot.waitUntil;
import static org.assertj.core.api.Assertions.assertThat;

import dev.fedcred.FedcredContext;
import java.net.URI;
import java.util.concurrent.atomic.AtomicInteger;
import javafx.stage.Stage;
import no.nav.security.mock.oauth2.MockOAuth2Server;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;
import org.testfx.api.FxRobot;
import org.testfx.framework.junit5.ApplicationExtension;
import org.testfx.framework.junit5.Start;

/**
 * Nothing configured yet: the welcome banner offers the sandbox, and its button runs the sandbox
 * sign-in (a mock provider stands in for fedcred's own sandbox, started through the SandboxStarter).
 */
@ExtendWith(ApplicationExtension.class)
class FirstStartTest {
    private final MockOAuth2Server sandboxStandIn = new MockOAuth2Server();
    private final AtomicInteger sandboxStarts = new AtomicInteger();
    private MainWindow window;

    @Start
    void start(Stage stage) {
        FedcredContext context = TestContexts.fresh(new FollowingBrowser());
        window = new MainWindow(context, () -> {
            if (sandboxStarts.incrementAndGet() == 1) {
                sandboxStandIn.start();
            }
            return URI.create(sandboxStandIn.issuerUrl("default").toString());
        });
        window.show(stage);
    }

    @AfterEach
    void stop() {
        window.close();
        sandboxStandIn.shutdown();
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
        assertThat(ui.labelShowing("sandbox (sandbox)")).isTrue();
        assertThat(sandboxStarts).hasValue(1);
    }
}
