package dev.fedcred.ui.app;

import static dev.fedcred.ui.testing.WindowRobot.waitUntil;
import static org.assertj.core.api.Assertions.assertThat;

import dev.fedcred.FedcredContext;
import dev.fedcred.core.oidc.BrowserOpener;
import dev.fedcred.core.oidc.IssuerConfig;
import dev.fedcred.core.oidc.PendingSignIn;
import dev.fedcred.ui.claims.ClaimsView;
import dev.fedcred.ui.issuers.SignInStatus;
import dev.fedcred.ui.testing.FollowingBrowser;
import dev.fedcred.ui.testing.TestContexts;
import dev.fedcred.ui.testing.WindowRobot;
import java.nio.file.Path;
import java.time.Clock;
import java.time.Duration;
import javafx.stage.Stage;
import no.nav.security.mock.oauth2.MockOAuth2Server;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;
import org.testfx.api.FxRobot;
import org.testfx.framework.junit5.ApplicationExtension;

/** Opening the window again: a stored sign-in shows at once, and the window's clock decides if it expired. */
@ExtendWith(ApplicationExtension.class)
class RestartTest {
    private final MockOAuth2Server provider = new MockOAuth2Server();
    private MainWindow window;
    private Stage stage;

    @AfterEach
    void stop(FxRobot robot) {
        if (window != null) {
            robot.interact(() -> {
                window.close();
                stage.close();
            });
        }
        provider.shutdown();
    }

    @Test
    void aStoredUnexpiredSignInShowsItsClaimsOnStart(FxRobot robot) throws Exception {
        Path home = signedInHome();

        open(robot, TestContexts.at(home, Clock.systemUTC(), BrowserOpener.NONE));

        WindowRobot ui = new WindowRobot(robot);
        waitUntil(() -> ui.labelShowingStartingWith("Expires in "));
        assertThat(ui.labelShowing("mock")).isTrue();
        assertThat(ui.labelShowing(WelcomeBanner.TEXT)).isFalse();
    }

    @Test
    void aStoredSignInPastItsExpiryShowsAsExpired(FxRobot robot) throws Exception {
        Path home = signedInHome();
        Clock twoHoursLater = Clock.offset(Clock.systemUTC(), Duration.ofHours(2));

        open(robot, TestContexts.at(home, twoHoursLater, BrowserOpener.NONE));

        WindowRobot ui = new WindowRobot(robot);
        waitUntil(() -> ui.labelShowing(SignInStatus.EXPIRED));
        assertThat(ui.labelShowing(ClaimsView.PLACEHOLDER)).isTrue();
    }

    /** Signs in with the core alone, as an earlier run of the app would have. */
    private Path signedInHome() throws Exception {
        provider.start();
        Path home = TestContexts.newHome();
        FedcredContext earlier = TestContexts.at(home, Clock.systemUTC(), new FollowingBrowser());
        IssuerConfig mock = earlier.issuerEditor().add(MockIssuerWindow.issuer(provider));
        try (PendingSignIn pending = earlier.sessions().begin(mock)) {
            earlier.browser().open(pending.authorizationUri());
            earlier.sessions().finish(pending, Duration.ofSeconds(WindowRobot.TIMEOUT_SECONDS));
        }
        return home;
    }

    private void open(FxRobot robot, FedcredContext context) {
        robot.interact(() -> {
            window = new MainWindow(context, () -> {
                throw new AssertionError("no sandbox here");
            });
            stage = new Stage();
            window.show(stage);
        });
    }
}
