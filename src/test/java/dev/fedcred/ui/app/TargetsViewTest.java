package dev.fedcred.ui.app;

import static dev.fedcred.ui.testing.WindowRobot.waitUntil;
import static org.assertj.core.api.Assertions.assertThat;

import dev.fedcred.FedcredContext;
import dev.fedcred.testing.CliRun;
import dev.fedcred.testing.FakeBrowser;
import dev.fedcred.testing.MutableClock;
import dev.fedcred.testing.SandboxHome;
import dev.fedcred.ui.targets.CredentialStatus;
import dev.fedcred.ui.testing.SceneTexts;
import dev.fedcred.ui.testing.WindowRobot;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.time.temporal.ChronoUnit;
import java.util.List;
import java.util.concurrent.atomic.AtomicReference;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
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
 * The targets section against a real auto-approving sandbox (issuer and STS emulator), writing
 * real AWS files in a temporary home: assume, the countdown, a hand-written profile, removal,
 * and the sign-in a target needs first.
 */
@ExtendWith(ApplicationExtension.class)
class TargetsViewTest {
    private static final String ASSUME = "Assume role sandbox-aws";
    private static final String REMOVE = "Remove profile sandbox-aws";

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

    private Path credentials() {
        return home.resolve("aws/credentials");
    }

    @Test
    void assumeWritesTheProfileCountsDownAndRemoveTakesItOut(FxRobot robot) throws Exception {
        WindowRobot ui = new WindowRobot(robot);
        waitUntil(() -> ui.labelShowing("arn:aws:iam::000000000000:role/fedcred-sandbox"));
        assertThat(ui.labelShowing("→ AWS profile fedcred-sandbox in " + credentials())).isTrue();
        assertThat(ui.labelShowing("Signs in with sandbox")).isTrue();
        assertThat(ui.labelShowing(CredentialStatus.NONE)).isTrue();
        assertThat(ui.buttonByAccessibleText(REMOVE).isDisabled()).isTrue();

        signIn(ui);
        Button assume = ui.buttonByAccessibleText(ASSUME);
        ui.click(assume);
        waitUntil(() -> ui.labelShowingStartingWith("Wrote profile fedcred-sandbox (access key ID ASIA"));
        // the button was disabled while it worked; the keyboard focus comes back to it
        waitUntil(assume::isFocused);

        String credentialsText = Files.readString(credentials());
        assertThat(credentialsText).contains("[fedcred-sandbox]").contains("x_fedcred_managed = sandbox-aws");
        // the row shows its model's text for the ticker's second, and the next one when the clock moves
        assertThat(statusText(ui)).isEqualTo(shown.statusAt("sandbox-aws", clock.instant()));
        clock.advance(Duration.ofSeconds(1));
        waitUntil(() -> statusText(ui).equals(shown.statusAt("sandbox-aws", clock.instant())));
        assertNoSecretShows(credentialsText);

        Button remove = ui.buttonByAccessibleText(REMOVE);
        waitUntil(() -> !remove.isDisabled());
        ui.click(remove);
        waitUntil(() -> ui.labelShowing("Remove the profile fedcred-sandbox from " + credentials()
                + "? Only a profile fedcred wrote is removed."));
        ui.click(ui.buttonByAccessibleText("Confirm removing profile fedcred-sandbox"));
        waitUntil(() -> ui.labelShowing("Removed the profile fedcred-sandbox from " + credentials() + "."));
        assertThat(Files.readString(credentials())).doesNotContain("fedcred-sandbox");
        assertThat(Files.readString(home.resolve("aws/config"))).doesNotContain("fedcred-sandbox");
        assertThat(remove.isDisabled()).isTrue();
        // the credentials are still fedcred's to reuse; the row says they are no longer in the file
        assertThat(ui.labelShowing("The profile fedcred-sandbox is not in the credentials file; Assume role writes it."))
                .isTrue();
    }

    @Test
    void aHandWrittenProfileIsReplacedOnlyAfterConfirming(FxRobot robot) throws Exception {
        WindowRobot ui = new WindowRobot(robot);
        Files.createDirectories(credentials().getParent());
        String handWritten = "# mine\n[fedcred-sandbox]\naws_access_key_id = AKIAFAKEHANDWRITTEN1\naws_secret_access_key = fake\n";
        Files.writeString(credentials(), handWritten);
        byte[] before = Files.readAllBytes(credentials());
        String question = "The profile fedcred-sandbox in " + credentials() + " was not written by fedcred. Replace it?"
                + " A one-time backup of the file is kept as credentials.fedcred-backup.";
        signIn(ui);

        ui.click(ui.buttonByAccessibleText(ASSUME));
        waitUntil(() -> ui.labelShowing(question));
        ui.click(ui.buttonByAccessibleText("Keep profile fedcred-sandbox"));
        waitUntil(() -> ui.labelShowing("Kept your profile fedcred-sandbox; fedcred wrote nothing."));
        assertThat(Files.readAllBytes(credentials())).isEqualTo(before);

        ui.click(ui.buttonByAccessibleText(ASSUME));
        waitUntil(() -> ui.labelShowing(question));
        ui.click(ui.buttonByAccessibleText("Replace profile fedcred-sandbox"));
        waitUntil(() -> ui.labelShowingStartingWith("Wrote profile fedcred-sandbox"));
        assertThat(Files.readString(credentials())).doesNotContain("AKIAFAKEHANDWRITTEN1").contains("x_fedcred_managed");
        assertThat(Files.readString(home.resolve("aws/credentials.fedcred-backup"))).isEqualTo(handWritten);
        assertNoSecretShows(Files.readString(credentials()));
    }

    @Test
    void assumingBeforeSigningInOffersTheSignInRightThere(FxRobot robot) {
        WindowRobot ui = new WindowRobot(robot);
        ui.click(ui.buttonByAccessibleText(ASSUME));
        waitUntil(() -> ui.labelShowingStartingWith("You are not signed in to sandbox (sandbox)."));
        Button signIn = ui.buttonByAccessibleText("Sign in to sandbox for sandbox-aws");
        assertThat(signIn.getText()).isEqualTo("Sign in");
        assertThat(Files.exists(credentials())).isFalse();

        ui.click(signIn);
        waitUntil(() -> ui.labelShowingStartingWith("Signed in as sandbox.user@example.com"));
        waitUntil(() -> ui.labelShowing("Signed in to sandbox. Assume role now gets the credentials."));
        ui.click(ui.buttonByAccessibleText(ASSUME));
        waitUntil(() -> ui.labelShowingStartingWith("Wrote profile fedcred-sandbox"));
    }

    @Test
    void anAssumeInATerminalShowsInTheWindowWithinASecond(FxRobot robot) throws Exception {
        WindowRobot ui = new WindowRobot(robot);
        signIn(ui);
        assertThat(ui.labelShowing(CredentialStatus.NONE)).isTrue();

        // `fedcred assume sandbox-aws` in a terminal: its own context on the same files, nothing shared in memory
        FedcredContext terminal = new FedcredContext(SandboxHome.environment(shown.sandbox(), home), Clock.systemUTC(),
                new FakeBrowser());
        assertThat(CliRun.run(terminal, "assume", "sandbox-aws").exitCode()).isZero();
        long written = System.nanoTime();
        waitUntil(() -> statusText(ui).startsWith("Credentials valid for "));
        assertThat(Duration.ofNanos(System.nanoTime() - written)).isLessThan(Duration.ofSeconds(1));
        assertThat(ui.buttonByAccessibleText(REMOVE).isDisabled()).isFalse();
    }

    @Test
    void aLogoutInATerminalShowsInTheWindowWithinASecond(FxRobot robot) throws Exception {
        WindowRobot ui = new WindowRobot(robot);
        signIn(ui);
        FedcredContext terminal = new FedcredContext(SandboxHome.environment(shown.sandbox(), home), Clock.systemUTC(),
                new FakeBrowser());
        assertThat(CliRun.run(terminal, "assume", "sandbox-aws").exitCode()).isZero();
        waitUntil(() -> statusText(ui).startsWith("Credentials valid for "));

        assertThat(CliRun.run(terminal, "logout").exitCode()).isZero();
        long signedOut = System.nanoTime();
        waitUntil(() -> !ui.labelShowingStartingWith("Signed in as sandbox.user@example.com")
                && ui.labelShowing(CredentialStatus.NONE));
        assertThat(Duration.ofNanos(System.nanoTime() - signedOut)).isLessThan(Duration.ofSeconds(1));
    }

    @Test
    void theAwsRowOpensTheConsoleFromItsKindsOwnButton(FxRobot robot) {
        WindowRobot ui = new WindowRobot(robot);
        waitUntil(() -> ui.labelShowing("arn:aws:iam::000000000000:role/fedcred-sandbox"));
        signIn(ui);
        Button console = ui.buttonByAccessibleText("Open the AWS console as fedcred-sandbox");
        assertThat(console.getText()).isEqualTo("Open console");

        ui.click(console);
        waitUntil(() -> ui.labelShowing("Opened the AWS console as fedcred-sandbox in your browser."));
        waitUntil(console::isFocused);
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

    /** Every text in every window, visible or not: none holds the secret access key or session token. */
    private static void assertNoSecretShows(String credentialsText) throws Exception {
        String secret = value(credentialsText, "aws_secret_access_key");
        String sessionToken = value(credentialsText, "aws_session_token");
        assertThat(secret).hasSizeGreaterThan(10);
        List<String> texts = SceneTexts.everywhere();
        assertThat(texts).isNotEmpty();
        assertThat(texts).noneMatch(text -> text.contains(secret) || text.contains(sessionToken));
    }


    private static String value(String credentialsText, String key) {
        Matcher matcher = Pattern.compile("(?m)^" + key + "\\s*=\\s*(\\S+)").matcher(credentialsText);
        assertThat(matcher.find()).as(key + " in the credentials file").isTrue();
        return matcher.group(1);
    }
}
