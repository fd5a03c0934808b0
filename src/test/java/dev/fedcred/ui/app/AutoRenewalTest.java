package dev.fedcred.ui.app;

import dev.fedcred.FedcredContext;
import dev.fedcred.sandbox.SandboxOptions;
import dev.fedcred.sandbox.SandboxServer;
import dev.fedcred.testing.MutableClock;
import dev.fedcred.testing.SandboxHome;
import dev.fedcred.ui.renewal.RenewalNotice;
import dev.fedcred.ui.testing.EffectImagePool;
import dev.fedcred.ui.testing.FollowingBrowser;
import dev.fedcred.ui.testing.WindowRobot;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.time.Instant;
import java.time.temporal.ChronoUnit;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicInteger;
import javafx.beans.value.ChangeListener;
import javafx.collections.ListChangeListener;
import javafx.scene.Node;
import javafx.scene.Scene;
import javafx.scene.layout.GridPane;
import javafx.stage.Stage;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;
import org.junit.jupiter.api.io.TempDir;
import org.testfx.api.FxRobot;
import org.testfx.framework.junit5.ApplicationExtension;
import org.testfx.framework.junit5.Start;
import org.testfx.util.WaitForAsyncUtils;

import static dev.fedcred.ui.testing.WindowRobot.waitUntil;
import static org.assertj.core.api.Assertions.assertThat;

/**
 * The window renews credentials ahead of expiry: with one clock shared by the window and the
 * sandbox moved to five minutes before expiry, a renewal check replaces the AWS credentials in
 * the file and the row; without a sign-in to renew from, a notice offers the browser sign-in.
 */
@ExtendWith(ApplicationExtension.class)
class AutoRenewalTest {
    private static final String ASSUME = "Assume role sandbox-aws";

    @TempDir
    Path home;

    /** Stands still until the test moves it: the window and the sandbox count from the same exact second. */
    private final MutableClock clock = MutableClock.stoppedAt(Instant.now().truncatedTo(ChronoUnit.SECONDS));
    private SandboxServer sandbox;
    private FedcredContext context;
    private MainWindow window;

    @Start
    void start(Stage stage) throws Exception {
        sandbox = SandboxServer.start(SandboxOptions.defaults().withPort(0).withAutoApprove(true), clock);
        context = new FedcredContext(SandboxHome.environment(sandbox, home),
                clock, new FollowingBrowser());
        window = new MainWindow(context, sandbox::issuerUri);
        window.show(stage);
    }

    @AfterEach
    void stop() {
        window.close();
        sandbox.close();
    }

    private Path credentials() {
        return home.resolve("aws/credentials");
    }

    private static String accessKeyId(String credentialsText) {
        return credentialsText.lines().filter(line -> line.startsWith("aws_access_key_id"))
                .map(line -> line.substring(line.indexOf('=') + 1).strip()).findFirst().orElse("");
    }

    private void signInAndAssume(WindowRobot ui) {
        ui.click(ui.buttonByAccessibleText("Sign in to sandbox"));
        waitUntil(() -> ui.labelShowingStartingWith("Signed in as sandbox.user@example.com"));
        ui.click(ui.buttonByAccessibleText(ASSUME));
        waitUntil(() -> ui.labelShowingStartingWith("Wrote profile fedcred-sandbox (access key ID ASIA"));
    }

    @Test
    void credentialsAreRenewedFiveMinutesBeforeTheyExpire(FxRobot robot) throws Exception {
        WindowRobot ui = new WindowRobot(robot);
        signInAndAssume(ui);
        String before = accessKeyId(Files.readString(credentials()));

        assertThat(context.renewer().renewDue()).as("nothing is due an hour ahead").isEmpty();

        clock.advance(Duration.ofMinutes(56));
        window.renewNow();
        waitUntil(() -> !accessKeyId(Files.readString(credentials())).equals(before));
        waitUntil(() -> ui.labelShowingStartingWith("Credentials valid for 1:00:00 "));
        // the ID token was renewed too: the issuer row counts from a fresh hour, not the last four minutes
        waitUntil(() -> ui.labelShowingStartingWith("Signed in as sandbox.user@example.com, 1:00:00"));
        // and a notice at the window's corner said so
        waitUntil(() -> ui.labelShowing(RenewalNotice.RENEWED)
                && ui.labelShowingContaining("sandbox-aws") && ui.labelShowingContaining(": new credentials written."));
    }

    @Test
    void renewalsLeaveNoImagesBehind(FxRobot robot) throws Exception {
        WindowRobot ui = new WindowRobot(robot);
        signInAndAssume(ui);
        renewAnHourLater(ui);
        int checkedOut = imagesCheckedOut(robot);

        for (int renewal = 2; renewal <= 4; renewal++) {
            renewAnHourLater(ui);
        }

        // each renewal's corner notice kept a ~160 KB drop-shadow image checked out of JavaFX's
        // effect pool for good (the soak's growth, issue #15)
        assertThat(imagesCheckedOut(robot)).as("images still checked out after renewals 2 to 4").isEqualTo(checkedOut);
    }

    @Test
    void aRenewalKeepsTheRowsAndTheHeaderItShows(FxRobot robot) throws Exception {
        WindowRobot ui = new WindowRobot(robot);
        signInAndAssume(ui);
        AtomicInteger changes = new AtomicInteger();
        ChangeListener<Scene> sceneChanged = (observable, before, after) -> changes.incrementAndGet();
        robot.interact(() -> {
            ui.buttonByAccessibleText(ASSUME).sceneProperty().addListener(sceneChanged);
            ui.buttonByAccessibleText("Sign in to sandbox").sceneProperty().addListener(sceneChanged);
            robot.lookup(".jose-header").queryAs(GridPane.class).getChildren()
                    .addListener((ListChangeListener<Node>) change -> changes.incrementAndGet());
        });

        renewAnHourLater(ui);

        // each renewal took every row out of the scene and put it back, and built the header's labels
        // again: JavaFX styled and laid out all of it anew for what had not changed (issue #15)
        assertThat(changes).as("rows taken out of the scene, header rebuilt").hasValue(0);
    }

    private static int imagesCheckedOut(FxRobot robot) throws Exception {
        WaitForAsyncUtils.waitForFxEvents();
        return WaitForAsyncUtils.asyncFx(EffectImagePool::imagesCheckedOut).get(WindowRobot.TIMEOUT_SECONDS, TimeUnit.SECONDS);
    }

    /**
     * Renews through the window's own path, waits for the rows and the corner notice to show it,
     * then for the notice to go by itself, as between two renewals an hour apart.
     */
    private void renewAnHourLater(WindowRobot ui) throws Exception {
        String before = accessKeyId(Files.readString(credentials()));
        clock.advance(Duration.ofMinutes(56));
        window.renewNow();
        waitUntil(() -> !accessKeyId(Files.readString(credentials())).equals(before));
        waitUntil(() -> ui.labelShowingStartingWith("Credentials valid for 1:00:00 ")
                && ui.labelShowing(RenewalNotice.RENEWED));
        waitUntil(() -> !ui.labelShowing(RenewalNotice.RENEWED));
        WaitForAsyncUtils.waitForFxEvents();
    }

    @Test
    void withoutASignInToRenewFromTheNoticeOffersTheBrowser(FxRobot robot) throws Exception {
        WindowRobot ui = new WindowRobot(robot);
        signInAndAssume(ui);
        // the sign-in is lost, not signed out of (which would forget the credentials too)
        Files.delete(context.paths().tokenCacheFile());
        clock.advance(Duration.ofMinutes(56));
        window.renewNow();
        waitUntil(() -> ui.labelShowingStartingWith("Could not renew sandbox-aws before it expires"));
        // the corner notice points to it; the notice in the window keeps the way out
        waitUntil(() -> ui.labelShowing(RenewalNotice.NOT_RENEWED)
                && ui.labelShowingContaining("sandbox-aws: see the notice at the top of the window."));
        ui.click(ui.buttonByAccessibleText(RenewalNotice.SIGN_IN + " to sandbox"));
        waitUntil(() -> !ui.labelShowingStartingWith("Could not renew sandbox-aws"));
    }
}
