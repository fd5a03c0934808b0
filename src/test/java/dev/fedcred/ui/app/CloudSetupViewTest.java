package dev.fedcred.ui.app;

import static dev.fedcred.ui.testing.WindowRobot.waitUntil;
import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import dev.fedcred.core.Json;
import dev.fedcred.core.aws.setup.SetupDocument;
import dev.fedcred.sandbox.SandboxClient;
import dev.fedcred.sandbox.SandboxGcp;
import dev.fedcred.ui.testing.SceneTexts;
import dev.fedcred.ui.testing.WindowRobot;
import java.nio.file.Path;
import java.util.List;
import java.util.concurrent.TimeUnit;
import javafx.scene.Node;
import javafx.scene.control.Label;
import javafx.scene.control.TabPane;
import javafx.scene.control.TextArea;
import javafx.scene.input.Clipboard;
import javafx.stage.Stage;
import javafx.stage.Window;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;
import org.junit.jupiter.api.io.TempDir;
import org.testfx.api.FxRobot;
import org.testfx.framework.junit5.ApplicationExtension;
import org.testfx.framework.junit5.Start;
import org.testfx.util.WaitForAsyncUtils;

/**
 * A target row's "Set up in the cloud" against a real auto-approving sandbox: the dialog shows the
 * documents core's generators make from the signed-in token (what `fedcred setup aws|gcp` prints),
 * a tab per format, each copied as shown; hostile claims show escaped; signed out, the row offers
 * the sign-in.
 */
@ExtendWith(ApplicationExtension.class)
class CloudSetupViewTest {
    private static final String HOSTILE_SUB = "evil\u001B[2J\u202Euser";

    @TempDir
    Path home;

    private Stage stage;
    private SandboxWindow shown;

    @Start
    void start(Stage stage) {
        this.stage = stage;
    }

    @AfterEach
    void stop() throws Exception {
        if (shown != null) {
            WaitForAsyncUtils.asyncFx(shown::close).get(10, TimeUnit.SECONDS);
        }
    }

    /** The window on the FX thread, against a sandbox whose options {@code change} sets. */
    private void show(java.util.function.UnaryOperator<dev.fedcred.sandbox.SandboxOptions> change) throws Exception {
        shown = WaitForAsyncUtils.asyncFx(() -> SandboxWindow.show(stage, home, DesktopHooks.system(), change))
                .get(30, TimeUnit.SECONDS);
    }

    @Test
    void anAwsRowShowsTheGeneratedSetUpATabPerFormatAndCopiesIt(FxRobot robot) throws Exception {
        show(java.util.function.UnaryOperator.identity());
        WindowRobot ui = new WindowRobot(robot);
        signIn(ui);
        ui.click(ui.buttonByAccessibleText("Set up in the cloud for sandbox-aws"));
        waitUntil(() -> dialog("sandbox-aws") != null);

        assertThat(tabNames()).containsExactly("Trust policy", "AWS CLI", "CloudFormation", "Terraform");
        List<SetupDocument> generated = shown.context().awsSetup().forTarget("sandbox-aws", false);
        String policyTitle = generated.get(0).title();
        TextArea policy = ui.byAccessibleText(TextArea.class, policyTitle);
        assertThat(policy.getText()).isEqualTo(generated.get(0).text());
        String provider = shown.sandbox().issuerUri().getAuthority();
        JsonNode statement = Json.MAPPER.readTree(policy.getText()).path("Statement").get(0);
        assertThat(statement.path("Condition").path("StringEquals").path(provider + ":aud").asText())
                .isEqualTo(SandboxClient.CLIENT_ID);
        assertThat(ui.labelShowingContaining("--check trust-policy.json")).isTrue();
        assertThat(ui.labelShowingContaining("aws iam get-role --role-name fedcred-sandbox")).isTrue();

        robot.interact(() -> Clipboard.getSystemClipboard().clear());
        ui.click(ui.buttonByAccessibleText("Copy " + policyTitle));
        assertThat(clipboard(robot)).isEqualTo(generated.get(0).text());

        selectTab(ui, "Terraform");
        TextArea terraform = ui.byAccessibleText(TextArea.class, "Terraform");
        assertThat(terraform.getText()).isEqualTo(generated.get(3).text()).contains(SandboxClient.CLIENT_ID);
        ui.click(ui.buttonByAccessibleText("Copy Terraform"));
        assertThat(clipboard(robot)).isEqualTo(generated.get(3).text());
    }

    @Test
    void aChainedRowShowsTheTargetRolesTrustForItsSourceWithoutAWebIdentityCheck(FxRobot robot) throws Exception {
        show(java.util.function.UnaryOperator.identity());
        WindowRobot ui = new WindowRobot(robot);
        signIn(ui);
        ui.click(ui.buttonByAccessibleText("Set up in the cloud for sandbox-aws-chained"));
        waitUntil(() -> dialog("sandbox-aws-chained") != null);
        List<SetupDocument> generated = shown.context().awsSetup().forTarget("sandbox-aws-chained", false);
        assertThat(ui.byAccessibleText(TextArea.class, generated.get(0).title()).getText())
                .isEqualTo(generated.get(0).text()).contains("sts:AssumeRole\"");
        assertThat(ui.labelShowingContaining("--check")).isFalse();
    }

    @Test
    void aGcpRowShowsTheGcloudStepsAndTerraformWithTheAudienceNote(FxRobot robot) throws Exception {
        show(java.util.function.UnaryOperator.identity());
        WindowRobot ui = new WindowRobot(robot);
        signIn(ui);
        ui.click(ui.buttonByAccessibleText("Set up in the cloud for sandbox-gcp"));
        waitUntil(() -> dialog("sandbox-gcp") != null);
        assertThat(tabNames()).containsExactly("gcloud", "Terraform");
        var generated = shown.context().gcpSetup().forTarget("sandbox-gcp");
        var provider = generated.stream().filter(d -> d.title().startsWith("Create the OIDC provider")).findFirst().orElseThrow();
        TextArea command = ui.byAccessibleText(TextArea.class, provider.title());
        assertThat(command.getText()).isEqualTo(provider.text()).contains("--allowed-audiences=" + SandboxClient.CLIENT_ID);
        assertThat(ui.labelShowingStartingWith("The allowed audience is the token's aud, " + SandboxClient.CLIENT_ID)).isTrue();
        assertThat(ui.labelShowingContaining("providers describe " + SandboxGcp.PROVIDER_ID)).isTrue();
        ui.click(ui.buttonByAccessibleText("Copy " + provider.title()));
        assertThat(clipboard(robot)).isEqualTo(provider.text());
    }

    @Test
    void claimsAreShownEscapedAndCopiedAsShown(FxRobot robot) throws Exception {
        show(options -> options.withUserClaim("sub", HOSTILE_SUB));
        WindowRobot ui = new WindowRobot(robot);
        ui.click(ui.buttonByAccessibleText("Sign in to sandbox"));
        waitUntil(() -> ui.labelShowingStartingWith("Signed in as "));
        ui.click(ui.buttonByAccessibleText("Set up in the cloud for sandbox-gcp"));
        waitUntil(() -> dialog("sandbox-gcp") != null);
        String binding = shown.context().gcpSetup().forTarget("sandbox-gcp").stream()
                .filter(d -> d.title().startsWith("Let this identity")).findFirst().orElseThrow().title();
        TextArea shownBinding = ui.byAccessibleText(TextArea.class, binding);
        assertThat(shownBinding.getText()).contains("evil\\u001B[2J\\u202Euser").doesNotContain("\u001B", "\u202E");
        assertThat(SceneTexts.everywhere()).noneMatch(text -> text.contains("\u001B") || text.contains("\u202E"));
        ui.click(ui.buttonByAccessibleText("Copy " + binding));
        assertThat(clipboard(robot)).isEqualTo(shownBinding.getText());
    }

    @Test
    void signedOutTheRowSaysSoAndOffersTheSignIn(FxRobot robot) throws Exception {
        show(java.util.function.UnaryOperator.identity());
        WindowRobot ui = new WindowRobot(robot);
        ui.click(ui.buttonByAccessibleText("Set up in the cloud for sandbox-aws"));
        waitUntil(() -> ui.labelShowingStartingWith("You are not signed in to sandbox"));
        ui.click(ui.buttonByAccessibleText("Sign in to sandbox for sandbox-aws"));
        waitUntil(() -> ui.labelShowingStartingWith("Signed in to sandbox."));
        ui.click(ui.buttonByAccessibleText("Set up in the cloud for sandbox-aws"));
        waitUntil(() -> dialog("sandbox-aws") != null);
    }

    @Test
    void theCheckAndSetUpDialogsCloseWithEscapeAndTheirCloseButton(FxRobot robot) throws Exception {
        show(java.util.function.UnaryOperator.identity());
        WindowRobot ui = new WindowRobot(robot);
        signIn(ui);
        ui.click(ui.buttonByAccessibleText("Check sandbox-aws on this computer"));
        waitUntil(() -> showing("Check \u2014 sandbox-aws") != null);
        assertThat(ui.labelShowingStartingWith("Nothing to fix: sandbox-aws") || ui.labelShowingContaining(" for sandbox-aws."))
                .isTrue();
        robot.press(javafx.scene.input.KeyCode.ESCAPE).release(javafx.scene.input.KeyCode.ESCAPE);
        waitUntil(() -> showing("Check \u2014 sandbox-aws") == null);

        ui.click(ui.buttonByAccessibleText("Set up in the cloud for sandbox-aws"));
        waitUntil(() -> dialog("sandbox-aws") != null);
        ui.click(ui.findShowing(node -> node instanceof javafx.scene.control.Button button && "Close".equals(button.getText())
                && button.getScene().getWindow() == dialog("sandbox-aws")).orElseThrow());
        waitUntil(() -> dialog("sandbox-aws") == null);
    }

    private static Stage showing(String title) {
        return (Stage) Window.getWindows().stream().filter(window -> window instanceof Stage s
                && title.equals(s.getTitle()) && s.isShowing()).findFirst().orElse(null);
    }

    private static void signIn(WindowRobot ui) {
        ui.click(ui.buttonByAccessibleText("Sign in to sandbox"));
        waitUntil(() -> ui.labelShowingStartingWith("Signed in as sandbox.user@example.com"));
    }

    private static Stage dialog(String targetName) {
        return showing("Set up in the cloud \u2014 " + targetName);
    }

    private static List<String> tabNames() {
        TabPane tabs = (TabPane) find(node -> node instanceof TabPane);
        return tabs.getTabs().stream().map(javafx.scene.control.Tab::getText).toList();
    }

    /** Clicks the tab's header, as a user would. */
    private static void selectTab(WindowRobot ui, String name) {
        ui.click(ui.findShowing(node -> node instanceof Label label && name.equals(label.getText())
                && node.getStyleClass().contains("tab-label")).orElseThrow());
    }

    private static Node find(java.util.function.Predicate<Node> wanted) {
        Node[] found = new Node[1];
        SceneTexts.visitEveryNode(node -> {
            if (found[0] == null && wanted.test(node)) {
                found[0] = node;
            }
        });
        return found[0];
    }

    private static String clipboard(FxRobot robot) throws Exception {
        WaitForAsyncUtils.waitForFxEvents();
        return WaitForAsyncUtils.asyncFx(() -> Clipboard.getSystemClipboard().getString()).get(10, TimeUnit.SECONDS);
    }
}
