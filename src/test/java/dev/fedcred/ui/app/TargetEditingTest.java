package dev.fedcred.ui.app;

import dev.fedcred.FedcredContext;
import dev.fedcred.core.settings.SettingsStore;
import dev.fedcred.core.aws.AwsRoleTarget;
import dev.fedcred.core.gcp.AdcSource;
import dev.fedcred.core.gcp.GcpWorkloadTarget;
import dev.fedcred.core.targets.SettingInput;
import dev.fedcred.core.targets.Target;
import dev.fedcred.sandbox.SandboxOptions;
import dev.fedcred.sandbox.SandboxServer;
import dev.fedcred.testing.SandboxHome;
import dev.fedcred.testing.TestTargetKinds;
import dev.fedcred.ui.fx.FormDialog;
import dev.fedcred.ui.targets.IssuerChoice;
import dev.fedcred.ui.targets.TargetEditing;
import dev.fedcred.ui.testing.FollowingBrowser;
import dev.fedcred.ui.testing.WindowRobot;
import java.net.URI;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Clock;
import java.time.Duration;
import java.util.List;
import java.util.Optional;
import javafx.scene.control.Button;
import javafx.scene.control.CheckBox;
import javafx.scene.control.ComboBox;
import javafx.scene.control.MenuButton;
import javafx.scene.control.TextField;
import javafx.stage.Stage;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;
import org.junit.jupiter.api.io.TempDir;
import org.testfx.api.FxRobot;
import org.testfx.framework.junit5.ApplicationExtension;
import org.testfx.framework.junit5.Start;

import static dev.fedcred.ui.testing.WindowRobot.waitUntil;
import static org.assertj.core.api.Assertions.assertThat;

/**
 * Targets added, edited and deleted in the window, against a real sandbox and a real settings file
 * and AWS files in a temporary home: what is refused stays out of settings.json, what is saved is
 * usable at once.
 */
@ExtendWith(ApplicationExtension.class)
class TargetEditingTest {
    private static final String SANDBOX_ROLE = "arn:aws:iam::000000000000:role/fedcred-sandbox";

    @TempDir
    Path home;

    private SandboxServer sandbox;
    private FedcredContext context;
    private MainWindow window;
    private Path picked;

    @Start
    void start(Stage stage) throws Exception {
        sandbox = SandboxServer.start(SandboxOptions.defaults().withPort(0).withAutoApprove(true));
        context = new FedcredContext(SandboxHome.environment(sandbox, home), Clock.systemUTC(), new FollowingBrowser());
        picked = home.resolve("gcloud/work-adc.json");
        window = new MainWindow(context, sandbox::issuerUri, (owner, title, suggested) -> Optional.of(picked));
        window.show(stage);
    }

    @AfterEach
    void stop() {
        window.close();
        sandbox.close();
    }

    private Path settings() {
        return context.settings().file();
    }

    private Path credentials() {
        return home.resolve("aws/credentials");
    }

    @Test
    @SuppressWarnings("unchecked")
    void aBadArnIsRefusedInlineAndAGoodTargetIsSavedListedAndAssumed(FxRobot robot) throws Exception {
        WindowRobot ui = new WindowRobot(robot);
        openAdd(robot, ui, TargetEditing.addItemText("AWS role"));
        Button save = ui.byAccessibleText(Button.class, FormDialog.SAVE);
        assertThat(save.isDisabled()).isTrue();

        ui.enter(field(ui, "Name"), "dev");
        ui.enter(field(ui, "Role ARN"), "arn:aws:iam::12345:role/Dev");
        ui.enter(field(ui, "Profile"), "dev");
        ui.enter(field(ui, "STS endpoint"), sandbox.issuerUri() + "/aws-sts");
        waitUntil(() -> ui.fieldError("Role ARN").isPresent());
        assertThat(ui.fieldError("Role ARN")).hasValueSatisfying(error ->
                assertThat(error).contains("is not an IAM role ARN", "arn:aws:iam::123456789012:role/NAME"));
        assertThat(save.isDisabled()).isTrue();
        // Enter on the refused form saves nothing
        robot.clickOn(field(ui, "Role ARN")).type(javafx.scene.input.KeyCode.ENTER);
        assertThat(Files.exists(settings())).isFalse();
        assertThat(ui.labelShowing("Writes the profile dev to " + credentials() + ".")).isTrue();

        ui.enter(field(ui, "Role ARN"), SANDBOX_ROLE);
        ComboBox<IssuerChoice> issuer = ui.byAccessibleText(ComboBox.class, "Issuer");
        assertThat(issuer.getValue().text()).isEqualTo("Default issuer (sandbox)");
        robot.interact(() -> issuer.getItems().stream().filter(choice -> choice.name().equals("sandbox")).findFirst()
                .ifPresent(issuer::setValue));
        waitUntil(() -> !save.isDisabled());
        assertThat(ui.fieldError("Role ARN")).isEmpty();
        ui.click(save);

        waitUntil(() -> ui.buttonShowing("Assume role dev"));
        assertThat(ui.buttonShowing(FormDialog.SAVE)).isFalse();
        assertThat(new SettingsStore(settings(), TestTargetKinds.withoutServices()).load().targets()).containsExactly(new AwsRoleTarget("dev", SANDBOX_ROLE,
                "dev", null, AwsRoleTarget.DEFAULT_DURATION, null, "sandbox", URI.create(sandbox.issuerUri() + "/aws-sts")));
        assertThat(ui.buttonShowing("Edit target sandbox-aws…")).as("built-in targets are read-only").isFalse();
        assertThat(ui.buttonShowing("Delete target sandbox-aws…")).isFalse();

        ui.click(ui.buttonByAccessibleText("Sign in to sandbox"));
        waitUntil(() -> ui.labelShowingStartingWith("Signed in as sandbox.user@example.com"));
        ui.click(ui.buttonByAccessibleText("Assume role dev"));
        waitUntil(() -> ui.labelShowingStartingWith("Wrote profile dev (access key ID ASIA"));
        assertThat(Files.readString(credentials())).contains("[dev]").contains("x_fedcred_managed = dev");
    }

    @Test
    void editingChangesTheTargetAndDeletingRemovesItWithItsProfile(FxRobot robot) throws Exception {
        WindowRobot ui = new WindowRobot(robot);
        openAdd(robot, ui, TargetEditing.addItemText("AWS role"));
        ui.enter(field(ui, "Name"), "dev");
        ui.enter(field(ui, "Role ARN"), SANDBOX_ROLE);
        ui.enter(field(ui, "Profile"), "dev");
        ui.enter(field(ui, "STS endpoint"), sandbox.issuerUri() + "/aws-sts");
        ui.click(ui.byAccessibleText(Button.class, FormDialog.SAVE));
        ui.click(ui.buttonByAccessibleText("Edit target dev…"));
        TextField region = field(ui, "Region");
        assertThat(field(ui, "Role ARN").getText()).isEqualTo(SANDBOX_ROLE);
        ui.enter(region, "eu-west-1");
        ui.enter(field(ui, "Session duration"), "7200");
        ui.enter(field(ui, "Name"), "dev-eu");
        ui.click(ui.byAccessibleText(Button.class, FormDialog.SAVE));

        waitUntil(() -> ui.buttonShowing("Assume role dev-eu"));
        assertThat(ui.buttonShowing("Assume role dev")).isFalse();
        List<Target> saved = new SettingsStore(settings(), TestTargetKinds.withoutServices()).load().targets();
        assertThat(saved).extracting(Target::name).containsExactly("dev-eu");
        assertThat(((AwsRoleTarget) saved.get(0)).region()).isEqualTo("eu-west-1");
        assertThat(((AwsRoleTarget) saved.get(0)).sessionDuration()).isEqualTo(Duration.ofHours(2));

        ui.click(ui.buttonByAccessibleText("Sign in to sandbox"));
        waitUntil(() -> ui.labelShowingStartingWith("Signed in as sandbox.user@example.com"));
        ui.click(ui.buttonByAccessibleText("Assume role dev-eu"));
        waitUntil(() -> ui.labelShowingStartingWith("Wrote profile dev"));
        // a profile of the user's own, with a name of its own, that must survive the delete
        Files.writeString(credentials(), Files.readString(credentials()) + "\n[mine]\naws_access_key_id = AKIAMINE\n");

        ui.click(ui.buttonByAccessibleText("Delete target dev-eu…"));
        waitUntil(() -> ui.labelShowing("Delete the target dev-eu? It goes from fedcred's settings; the role or"
                + " provider in the cloud stays as it is."));
        ui.click(ui.buttonByAccessibleText("Keep target dev-eu"));
        assertThat(new SettingsStore(settings(), TestTargetKinds.withoutServices()).load().targets()).hasSize(1);

        ui.click(ui.buttonByAccessibleText("Delete target dev-eu…"));
        CheckBox alsoProfile = ui.byAccessibleText(CheckBox.class, "Also remove the credentials of dev-eu");
        assertThat(alsoProfile.getText()).isEqualTo("Also remove the profile dev from " + credentials() + " if fedcred wrote it");
        assertThat(alsoProfile.isSelected()).isTrue();
        ui.click(ui.buttonByAccessibleText("Confirm deleting target dev-eu"));

        waitUntil(() -> !ui.buttonShowing("Assume role dev-eu"));
        waitUntil(() -> ui.labelShowing("Deleted the target dev-eu. Removed the profile dev from " + credentials() + "."));
        assertThat(new SettingsStore(settings(), TestTargetKinds.withoutServices()).load().targets()).isEmpty();
        String left = Files.readString(credentials());
        assertThat(left).doesNotContain("[dev]").contains("[mine]", "AKIAMINE");
        assertThat(Files.readString(home.resolve("aws/config"))).doesNotContain("dev");
    }

    @Test
    void gcpRefusesABadProjectNumberAndServiceAccountAndBrowseFillsTheAdcFile(FxRobot robot) throws Exception {
        WindowRobot ui = new WindowRobot(robot);
        openAdd(robot, ui, TargetEditing.addItemText("GCP workload identity"));
        Button save = ui.byAccessibleText(Button.class, FormDialog.SAVE);
        ui.enter(field(ui, "Name"), "gcp-dev");
        ui.enter(field(ui, "Project number"), "my-project");
        ui.enter(field(ui, "Pool ID"), "my-pool");
        ui.enter(field(ui, "Provider ID"), "my-provider");
        ui.enter(field(ui, "Service account"), "ci-at-my-project");
        waitUntil(() -> ui.fieldError("Service account").isPresent());
        assertThat(ui.fieldError("Project number")).hasValueSatisfying(error ->
                assertThat(error).contains("not a project number", "digits only"));
        assertThat(ui.fieldError("Service account")).hasValueSatisfying(error ->
                assertThat(error).contains("NAME@PROJECT_ID.iam.gserviceaccount.com"));
        assertThat(save.isDisabled()).isTrue();

        ui.enter(field(ui, "ADC file"), "relative/adc.json");
        waitUntil(() -> ui.fieldError("ADC file").isPresent());
        assertThat(ui.fieldError("ADC file")).hasValueSatisfying(error -> assertThat(error).contains("full path"));
        ui.enter(field(ui, "ADC file"), credentials().toString());
        waitUntil(() -> ui.fieldError("ADC file").filter(error -> error.contains("AWS credentials file")).isPresent());

        ui.click(ui.buttonByAccessibleText("Browse for the ADC file"));
        waitUntil(() -> picked.toString().equals(field(ui, "ADC file").getText()));
        ui.enter(field(ui, "Project number"), "123456789012");
        ui.enter(field(ui, "Service account"), "ci@my-project.iam.gserviceaccount.com");
        waitUntil(() -> !save.isDisabled());
        assertThat(ui.labelShowing("Writes Google's Application Default Credentials to " + picked + ".")).isTrue();
        @SuppressWarnings("unchecked")
        ComboBox<SettingInput.Option> source = ui.byAccessibleText(ComboBox.class, "ID token source");
        assertThat(source.getItems()).extracting(SettingInput.Option::value).containsExactly("", "executable", "file");
        robot.interact(() -> source.getSelectionModel().select(2));
        assertThat(Files.exists(settings())).isFalse();
        ui.click(save);

        waitUntil(() -> ui.buttonShowing("Get credentials gcp-dev"));
        assertThat(new SettingsStore(settings(), TestTargetKinds.withoutServices()).load().targets()).containsExactly(new GcpWorkloadTarget("gcp-dev",
                "123456789012", "my-pool", "my-provider", "ci@my-project.iam.gserviceaccount.com", null, null, picked,
                null, null, null, null, AdcSource.FILE));
    }

    @Test
    void aSettingsFileThatDoesNotParseIsNeverOverwritten(FxRobot robot) throws Exception {
        byte[] broken = "{\n  \"targets\": [,\n}\n".getBytes(StandardCharsets.UTF_8);
        Files.createDirectories(settings().getParent());
        Files.write(settings(), broken);
        WindowRobot ui = new WindowRobot(robot);
        // the window sees the file through its watch, a moment later, and the problem it shows at the
        // top moves the Add target menu down: a click before that could land where the menu was
        waitUntil(() -> ui.labelShowingStartingWith("The settings file "));
        openAdd(robot, ui, TargetEditing.addItemText("AWS role"));
        ui.enter(field(ui, "Name"), "dev");
        ui.enter(field(ui, "Role ARN"), SANDBOX_ROLE);
        ui.enter(field(ui, "Profile"), "dev");
        Button save = ui.byAccessibleText(Button.class, FormDialog.SAVE);
        waitUntil(() -> !save.isDisabled());
        ui.click(save);

        waitUntil(() -> ui.dialogError("target-dialog") != null);
        assertThat(ui.dialogError("target-dialog")).contains(settings().toString(), "line 2");
        assertThat(field(ui, "Role ARN").getText()).isEqualTo(SANDBOX_ROLE);
        assertThat(Files.readAllBytes(settings())).isEqualTo(broken);
    }

    private static void openAdd(FxRobot robot, WindowRobot ui, String kind) {
        // the first read of fedcred's files lays the window out again (the rows, a settings problem
        // at the top): open the menu once it has, so the click lands where the menu is
        waitUntil(() -> ui.buttonShowing("Assume role sandbox-aws"));
        MenuButton add = ui.byAccessibleText(MenuButton.class, TargetEditing.ADD_TARGET);
        robot.clickOn(add);
        waitUntil(add::isShowing);
        robot.clickOn(kind);
        ui.byAccessibleText(Button.class, FormDialog.SAVE);
    }

    private static TextField field(WindowRobot ui, String name) {
        return ui.byAccessibleText(TextField.class, name);
    }
}
