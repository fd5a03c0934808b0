package dev.fedcred.ui.app;

import static dev.fedcred.ui.testing.WindowRobot.waitUntil;
import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.node.ObjectNode;
import dev.fedcred.core.Json;
import dev.fedcred.sandbox.SandboxClient;
import dev.fedcred.ui.firstrun.ConnectCloudDialog;
import dev.fedcred.ui.firstrun.ConnectCloudModel;
import dev.fedcred.ui.testing.WindowRobot;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.concurrent.TimeUnit;
import javafx.scene.control.Button;
import javafx.scene.control.TextArea;
import javafx.scene.control.TextField;
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
 * "Connect your own cloud" from the first start, against the sandbox acting as the user's cloud: the
 * sandbox's issuer is "their" issuer (URL and client ID typed in), a new role ARN is "their" role, and
 * the trust policy the path shows is applied through the sandbox's admin PUT, as a user would paste it
 * into IAM. Counts the actions from the path's start to working credentials; with a condition
 * changed, the try is refused and the pasted-policy check names exactly that condition.
 */
@ExtendWith(ApplicationExtension.class)
class ConnectCloudPathTest {
    private static final String ROLE = "my-app";
    private static final String ROLE_ARN = "arn:aws:iam::000000000000:role/" + ROLE;

    @TempDir
    Path home;

    private SandboxWindow shown;
    /** The clicks on the path's own actions (Sign in, Show the set-up, Try it). */
    private int actions;

    @Start
    void start(Stage stage) throws Exception {
        shown = SandboxWindow.show(stage, home, DesktopHooks.system());
    }

    @AfterEach
    void stop() {
        shown.close();
    }

    @Test
    void aNewUserWithAClientIdAndARoleArnGetsWorkingCredentialsInThreeActions(FxRobot robot) throws Exception {
        WindowRobot ui = new WindowRobot(robot);
        String policy = upToTheSetUp(ui, robot);

        apply(policy);
        act(ui, ConnectCloudModel.TRY_IT_SPOKEN);
        waitUntil(() -> ui.labelShowingStartingWith("Wrote profile "));
        assertThat(actions).isEqualTo(3);
        String credentials = Files.readString(home.resolve("aws/credentials"));
        assertThat(credentials).contains("[" + ROLE + "]").contains("aws_access_key_id");
        // the window's own lists now hold the user's issuer and target, and the welcome has made its point
        waitUntil(() -> ui.buttonShowing("Set up in the cloud for " + ROLE));
        waitUntil(() -> !ui.labelShowing(WelcomeBanner.NEXT_TEXT) && !ui.labelShowing(WelcomeBanner.TEXT));
    }

    @Test
    void aWrongConditionIsRefusedAndTheCheckNamesIt(FxRobot robot) throws Exception {
        WindowRobot ui = new WindowRobot(robot);
        String policy = upToTheSetUp(ui, robot);
        String host = shown.sandbox().issuerUri().getAuthority();
        ObjectNode wrong = (ObjectNode) Json.MAPPER.readTree(policy);
        ((ObjectNode) wrong.path("Statement").get(0).path("Condition").path("StringEquals")).put(host + ":aud", "other-client");
        String wrongText = Json.MAPPER.writeValueAsString(wrong);

        apply(wrongText);
        act(ui, ConnectCloudModel.TRY_IT_SPOKEN);
        waitUntil(() -> ui.labelShowingContaining("Not authorized to perform sts:AssumeRoleWithWebIdentity"));
        assertThat(home.resolve("aws/credentials")).doesNotExist();

        ui.enter(ui.byAccessibleText(TextArea.class, "Policy to check"), wrongText);
        ui.click(ui.buttonByAccessibleText(ConnectCloudModel.CHECK_POLICY));
        waitUntil(() -> ui.labelShowing("Statement 1 (FedcredWebIdentity): condition StringEquals on \"" + host
                + ":aud\" expects \"other-client\" but the token gives \"" + SandboxClient.CLIENT_ID + "\"."));
        // the refusal stays in sight beside its explanation
        assertThat(ui.labelShowingContaining("Not authorized to perform sts:AssumeRoleWithWebIdentity")).isTrue();

        apply(policy);
        act(ui, ConnectCloudModel.TRY_IT_SPOKEN);
        waitUntil(() -> ui.labelShowingStartingWith("Wrote profile "));
    }

    @Test
    void afterTheSandboxTheBannerStillOffersTheUsersOwnCloud(FxRobot robot) {
        WindowRobot ui = new WindowRobot(robot);
        waitUntil(() -> ui.labelShowing(WelcomeBanner.TEXT));
        ui.click(ui.buttonByText(WelcomeBanner.BUTTON));
        waitUntil(() -> ui.labelShowing(WelcomeBanner.NEXT_TEXT));
        assertThat(ui.labelShowing(WelcomeBanner.TEXT)).isFalse();
        ui.click(ui.buttonByText(WelcomeBanner.CONNECT));
        waitUntil(() -> ui.buttonShowing(ConnectCloudModel.SIGN_IN_SPOKEN));
    }

    /** From the welcome banner to the shown trust policy: sign in, then the role; returns the policy as copied. */
    private String upToTheSetUp(WindowRobot ui, FxRobot robot) throws Exception {
        ui.click(ui.buttonByText(WelcomeBanner.CONNECT));
        ui.enter(ui.byAccessibleText(TextField.class, "Issuer URL"), shown.sandbox().issuerUri().toString());
        ui.enter(ui.byAccessibleText(TextField.class, "Client ID"), SandboxClient.CLIENT_ID);
        act(ui, ConnectCloudModel.SIGN_IN_SPOKEN);
        waitUntil(() -> ui.labelShowingStartingWith("Signed in to 127-0-0-1 as sandbox.user@example.com"));

        ui.enter(ui.byAccessibleText(TextField.class, ConnectCloudDialog.ROLE_ARN), ROLE_ARN);
        // the sandbox stands in for AWS's STS; against AWS this stays empty
        ui.enter(ui.byAccessibleText(TextField.class, "STS endpoint"), shown.sandbox().endpoints().get("aws-sts"));
        act(ui, ConnectCloudModel.SHOW_SET_UP_SPOKEN);
        String title = "Trust policy of " + ROLE_ARN;
        TextArea policy = ui.byAccessibleText(TextArea.class, title);
        assertThat(policy.getText()).contains("oidc-provider/" + shown.sandbox().issuerUri().getAuthority())
                .contains(SandboxClient.CLIENT_ID);
        // what the user copies into IAM (copying is their cloud's step, not one of the path's actions)
        robot.interact(() -> Clipboard.getSystemClipboard().clear());
        ui.click(ui.buttonByAccessibleText("Copy " + title));
        WaitForAsyncUtils.waitForFxEvents();
        return WaitForAsyncUtils.asyncFx(() -> Clipboard.getSystemClipboard().getString()).get(10, TimeUnit.SECONDS);
    }

    private void act(WindowRobot ui, String button) {
        Button action = ui.buttonByAccessibleText(button);
        waitUntil(() -> !action.isDisabled());
        ui.click(action);
        actions++;
    }

    /** The user's cloud applies the trust policy: the sandbox's loopback-only admin PUT, as IAM's update-assume-role-policy. */
    private void apply(String policy) throws Exception {
        HttpResponse<String> put = HttpClient.newHttpClient().send(HttpRequest.newBuilder(
                        URI.create(shown.sandbox().issuerUri() + "/aws-admin/roles/" + ROLE + "/trust-policy"))
                .PUT(HttpRequest.BodyPublishers.ofString(policy))
                .timeout(Duration.ofSeconds(10)).build(), HttpResponse.BodyHandlers.ofString());
        assertThat(put.statusCode()).as(put.body()).isEqualTo(200);
    }
}
