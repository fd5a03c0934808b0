package dev.fedcred.ui.app;

import static dev.fedcred.ui.testing.WindowRobot.waitUntil;
import static org.assertj.core.api.Assertions.assertThat;

import dev.fedcred.FedcredContext;
import dev.fedcred.core.oidc.TokenSet;
import dev.fedcred.ui.claims.ClaimsView;
import dev.fedcred.ui.claims.TokenClipboard;
import dev.fedcred.testing.MutableClock;
import dev.fedcred.ui.fx.Later;
import dev.fedcred.ui.fx.Shortcut;
import dev.fedcred.ui.fx.TimeText;
import dev.fedcred.ui.testing.SceneTexts;
import dev.fedcred.ui.testing.WindowRobot;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.time.Instant;
import java.time.temporal.ChronoUnit;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.concurrent.TimeUnit;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import javafx.scene.Node;
import javafx.scene.control.Button;
import javafx.scene.control.ButtonBase;
import javafx.scene.control.ChoiceBox;
import javafx.scene.control.ComboBoxBase;
import javafx.scene.control.Label;
import javafx.scene.control.Labeled;
import javafx.scene.control.TextInputControl;
import javafx.scene.input.Clipboard;
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
 * The window signed in to a real auto-approving sandbox with both sandbox targets' credentials:
 * every control is labelled for a screen reader, the raw ID token is copied only after a warning
 * (to the real clipboard, cleared again), and Renew replaces the credentials in the file and the row.
 * The window and the sandbox share a stopped clock, so countdowns are exact; the clipboard's clear
 * runs when the test says.
 */
@ExtendWith(ApplicationExtension.class)
class SignedInWindowTest {
    private static final Duration CLEAR_AFTER = Duration.ofSeconds(2);

    @TempDir
    Path home;

    private final MutableClock clock = MutableClock.stoppedAt(Instant.now().truncatedTo(ChronoUnit.SECONDS));
    private final ManualLater clipboardTimer = new ManualLater();
    private SandboxWindow shown;
    private FedcredContext context;

    @Start
    void start(Stage stage) throws Exception {
        shown = SandboxWindow.show(stage, home, new DesktopHooks(() -> false, TokenClipboard.system(), CLEAR_AFTER)
                .withClipboardTimer(clipboardTimer), clock);
        context = shown.context();
    }

    @AfterEach
    void stop() {
        shown.close();
    }

    private Path credentials() {
        return home.resolve("aws/credentials");
    }

    private static void signInAndGetBoth(WindowRobot ui) {
        ui.click(ui.buttonByAccessibleText("Sign in to sandbox"));
        waitUntil(() -> ui.labelShowingStartingWith("Signed in as sandbox.user@example.com"));
        ui.click(ui.buttonByAccessibleText("Assume role sandbox-aws"));
        waitUntil(() -> ui.labelShowingStartingWith("Wrote profile fedcred-sandbox"));
        ui.click(ui.buttonByAccessibleText("Get credentials sandbox-gcp"));
        waitUntil(() -> ui.labelShowingStartingWith("Wrote Google ADC "));
    }

    @Test
    void everyControlHasALabelAndCountdownsReadAsWords(FxRobot robot) throws Exception {
        WindowRobot ui = new WindowRobot(robot);
        signInAndGetBoth(ui);

        List<String> unlabelled = new ArrayList<>();
        SceneTexts.visitEveryNode(node -> {
            if (unlabelled(node)) {
                unlabelled.add(node.getClass().getSimpleName() + " " + node.getStyleClass() + " in "
                        + (node.getParent() == null ? "?" : node.getParent().getStyleClass()));
            }
        });
        assertThat(unlabelled).isEmpty();

        assertThat(accessibleTexts(robot)).contains("AWS credentials expire in 1 hour",
                "Google Cloud credentials expire in 1 hour", "ID token expires in 1 hour");
    }

    @Test
    void signOutAsksFirstAndCanRemoveWhatFedcredWroteForTheIssuersTargets(FxRobot robot) throws Exception {
        WindowRobot ui = new WindowRobot(robot);
        signInAndGetBoth(ui);
        Path adc = home.resolve("fedcred/state/sandbox/gcp-application_default_credentials.json");
        assertThat(adc).exists();

        ui.click(ui.buttonByAccessibleText("Sign out of sandbox"));
        waitUntil(() -> ui.labelShowingStartingWith("Sign out of sandbox? fedcred forgets its tokens and the credentials"));
        ui.click(ui.buttonByAccessibleText("Stay signed in to sandbox"));
        assertThat(context.sessions().current("sandbox")).isPresent();

        ui.click(ui.buttonByAccessibleText("Sign out of sandbox"));
        javafx.scene.control.CheckBox alsoFiles = ui.byAccessibleText(javafx.scene.control.CheckBox.class,
                "Also remove the credentials fedcred wrote for the targets of sandbox");
        assertThat(alsoFiles.isSelected()).as("files stay unless asked").isFalse();
        robot.clickOn(alsoFiles);
        ui.click(ui.buttonByAccessibleText("Confirm signing out of sandbox"));

        waitUntil(() -> ui.labelShowing(ClaimsView.PLACEHOLDER));
        waitUntil(() -> ui.labelShowingStartingWith("Removed the profile fedcred-sandbox from " + credentials() + "."));
        assertThat(context.sessions().current("sandbox")).isEmpty();
        assertThat(Files.readString(credentials())).doesNotContain("fedcred-sandbox");
        assertThat(adc).doesNotExist();
        var awsTarget = (dev.fedcred.core.aws.AwsRoleTarget) context.targets().resolve("sandbox-aws");
        assertThat(context.aws().cached(awsTarget)).as("credential-process has nothing to hand out").isEmpty();
    }

    @Test
    void theRawTokenIsCopiedOnlyAfterTheWarningAndClearedAgain(FxRobot robot) throws Exception {
        WindowRobot ui = new WindowRobot(robot);
        ui.click(ui.buttonByAccessibleText("Sign in to sandbox"));
        waitUntil(() -> ui.labelShowingStartingWith("Signed in as sandbox.user@example.com"));
        TokenSet tokens = context.sessions().current("sandbox").orElseThrow();
        robot.interact(() -> Clipboard.getSystemClipboard().clear());

        ui.click(ui.buttonByText(ClaimsView.COPY_RAW_TOKEN));
        waitUntil(() -> ui.labelShowingStartingWith("The ID token is a bearer credential"));
        String warning = ui.findShowing(node -> node instanceof Label l && l.getText() != null
                && l.getText().startsWith("The ID token is a bearer credential")).map(n -> ((Label) n).getText()).orElseThrow();
        assertThat(warning).containsPattern("until it expires at \\d\\d:\\d\\d\\.").contains("Clipboard managers");
        assertThat(SceneTexts.everywhere()).noneMatch(text -> text.contains(tokens.rawIdToken()));
        ui.click(ui.buttonByAccessibleText("Do not copy the ID token"));
        assertThat(clipboardText(robot)).isNull();

        // the shortcut asks the same question
        robot.push(Shortcut.COPY_ID_TOKEN.keys());
        ui.click(ui.buttonByAccessibleText("Copy the ID token of sandbox"));
        waitUntil(() -> ui.labelShowingStartingWith("Copied the ID token."));
        assertThat(clipboardText(robot)).isEqualTo(tokens.rawIdToken());
        assertThat(tokens.refreshToken()).isNotNull();
        assertThat(clipboardText(robot)).doesNotContain(tokens.refreshToken());
        assertThat(clipboardTimer.pending()).containsExactly(CLEAR_AFTER);
        robot.interact(clipboardTimer::runPending);
        assertThat(clipboardText(robot)).isNull();

        // something the user copied after the token is theirs: it stays
        ui.click(ui.buttonByText(ClaimsView.COPY_RAW_TOKEN));
        ui.click(ui.buttonByAccessibleText("Copy the ID token of sandbox"));
        waitUntil(() -> tokens.rawIdToken().equals(clipboardText(robot)));
        robot.interact(() -> TokenClipboard.system().put("my own text"));
        assertThat(clipboardTimer.pending()).containsExactly(CLEAR_AFTER);
        robot.interact(clipboardTimer::runPending);
        assertThat(clipboardText(robot)).isEqualTo("my own text");
    }

    @Test
    void renewReplacesTheCredentialsInTheFileAndTheRow(FxRobot robot) throws Exception {
        WindowRobot ui = new WindowRobot(robot);
        ui.click(ui.buttonByAccessibleText("Sign in to sandbox"));
        waitUntil(() -> ui.labelShowingStartingWith("Signed in as sandbox.user@example.com"));
        assertThat(ui.buttonShowing("Renew sandbox-aws")).isFalse();
        ui.click(ui.buttonByAccessibleText("Assume role sandbox-aws"));
        waitUntil(() -> ui.labelShowingStartingWith("Wrote profile fedcred-sandbox"));
        String keyBefore = value(Files.readString(credentials()), "aws_access_key_id");
        String expiresBefore = value(Files.readString(credentials()), "x_security_token_expires");
        // a minute later for the window and the sandbox: the new expiry shows the row really changed
        clock.advance(Duration.ofMinutes(1));

        ui.click(ui.buttonByAccessibleText("Renew sandbox-aws"));
        waitUntil(() -> ui.labelShowingStartingWith("Renewed sandbox-aws: new credentials written, valid until "));

        String after = Files.readString(credentials());
        assertThat(value(after, "aws_access_key_id")).isNotEqualTo(keyBefore);
        assertThat(value(after, "x_security_token_expires")).isGreaterThan(expiresBefore);
        assertThat(after).contains("x_fedcred_managed = sandbox-aws");
        String until = TimeText.local(context.aws().cached(
                (dev.fedcred.core.aws.AwsRoleTarget) context.targets().resolve("sandbox-aws")).orElseThrow().expiration(),
                java.time.ZoneId.systemDefault());
        assertThat(ui.labelShowing("Renewed sandbox-aws: new credentials written, valid until " + until)).isTrue();
        assertThat(SceneTexts.everywhere()).noneMatch(text -> text.contains(value(after, "aws_secret_access_key")));
    }

    /** The clipboard's clear, run when the test says instead of after a real wait. FX thread. */
    private static final class ManualLater implements Later {
        private final Map<Runnable, Duration> pending = new LinkedHashMap<>();

        @Override
        public synchronized Runnable after(Duration delay, Runnable action) {
            pending.put(action, delay);
            return () -> {
                synchronized (this) {
                    pending.remove(action);
                }
            };
        }

        synchronized List<Duration> pending() {
            return List.copyOf(pending.values());
        }

        synchronized void runPending() {
            List<Runnable> due = List.copyOf(pending.keySet());
            pending.clear();
            due.forEach(Runnable::run);
        }
    }

    /** A showing control a screen reader could only call "button": no text and no accessible text. */
    private static boolean unlabelled(Node node) {
        boolean control = node instanceof ButtonBase || node instanceof TextInputControl || node instanceof ChoiceBox<?>
                || node instanceof ComboBoxBase<?>;
        String text = node instanceof Labeled labeled ? labeled.getText() : null;
        return control && isShowing(node) && blank(text) && blank(node.getAccessibleText());
    }

    private static boolean isShowing(Node node) {
        for (Node n = node; n != null; n = n.getParent()) {
            if (!n.isVisible()) {
                return false;
            }
        }
        return true;
    }

    private static boolean blank(String text) {
        return text == null || text.isBlank();
    }

    private static List<String> accessibleTexts(FxRobot robot) throws Exception {
        return WaitForAsyncUtils.asyncFx(() -> robot.lookup(node -> node.getAccessibleText() != null).queryAll().stream()
                .map(Node::getAccessibleText).toList()).get(WindowRobot.TIMEOUT_SECONDS, TimeUnit.SECONDS);
    }

    private static String clipboardText(FxRobot robot) {
        try {
            return WaitForAsyncUtils.asyncFx(() -> Clipboard.getSystemClipboard().hasString()
                    ? Clipboard.getSystemClipboard().getString() : null).get(WindowRobot.TIMEOUT_SECONDS, TimeUnit.SECONDS);
        } catch (Exception e) {
            throw new AssertionError("Reading the clipboard on the FX thread failed", e);
        }
    }

    private static String value(String credentialsText, String key) {
        Matcher matcher = Pattern.compile("(?m)^" + key + "\\s*=\\s*(\\S+)").matcher(credentialsText);
        assertThat(matcher.find()).as(key + " in the credentials file").isTrue();
        return matcher.group(1);
    }
}
