package dev.fedcred.ui.targets;

import dev.fedcred.FedcredContext;
import dev.fedcred.core.gcp.GcpWorkloadRules;
import dev.fedcred.core.gcp.GcpWorkloadTarget;
import dev.fedcred.core.targets.Target;
import dev.fedcred.core.targets.TargetField;
import dev.fedcred.ui.fx.BackgroundWork;
import dev.fedcred.ui.fx.FilePicker;
import dev.fedcred.ui.fx.FormDialog;
import dev.fedcred.ui.fx.UserMessages;
import dev.fedcred.ui.targets.TargetForm.FileCheck;
import dev.fedcred.ui.targets.TargetForm.GcpValues;
import dev.fedcred.ui.targets.TargetForm.Result;
import java.nio.file.Path;
import java.util.function.Consumer;
import javafx.geometry.Pos;
import javafx.scene.control.Button;
import javafx.scene.control.TextField;
import javafx.scene.layout.HBox;
import javafx.scene.layout.Priority;
import javafx.scene.layout.Region;
import javafx.stage.Window;

/**
 * Adds or edits a GCP workload identity target, with every setting {@code fedcred targets add-gcp}
 * takes. The endpoint overrides show only for a target that has them (the CLI sets them for
 * emulators). Whether the ADC file's folder can be written is checked off the FX thread.
 */
final class GcpTargetDialog implements TargetDialog {
    static final String KIND = "GCP workload identity";
    static final String BROWSE = "Browse…";

    private final TargetDialogFrame frame;
    private final BackgroundWork work;
    private final FilePicker picker;
    private final TextField projectNumber = new TextField();
    private final TextField pool = new TextField();
    private final TextField provider = new TextField();
    private final TextField serviceAccount = new TextField();
    private final TextField scopes = new TextField();
    private final TextField lifetime = new TextField();
    private final TextField adcFile = new TextField();
    private final Button browse = new Button(BROWSE);
    private final TextField stsEndpoint = new TextField();
    private final TextField iamEndpoint = new TextField();
    private final TextField caFile = new TextField();
    /** What the disk said about the ADC file last, and the file being looked at now. */
    private FileCheck lastCheck;
    private Path checking;

    GcpTargetDialog(Window owner, FedcredContext context, BackgroundWork work, FilePicker picker, TargetChoices choices,
                    GcpWorkloadTarget editing, Consumer<Target> onSaved) {
        this.work = work;
        this.picker = picker;
        frame = new TargetDialogFrame(owner, KIND, context, work, choices, editing, onSaved, this::recheck);
        FormDialog<TargetField> dialog = frame.dialog;
        frame.nameAndIssuerRows("gcp-dev, gcp-prod, …");
        dialog.textRow(projectNumber, TargetField.PROJECT_NUMBER, "123456789012",
                FormDialog.hint("The number of the pool's project, not its ID."));
        dialog.textRow(pool, TargetField.POOL, "my-pool");
        dialog.textRow(provider, TargetField.PROVIDER, "my-provider");
        dialog.textRow(serviceAccount, TargetField.SERVICE_ACCOUNT, "NAME@PROJECT_ID.iam.gserviceaccount.com",
                FormDialog.hint("Optional: without one, tools use the federated token directly."));
        dialog.textRow(scopes, TargetField.SCOPES, GcpWorkloadTarget.CLOUD_PLATFORM_SCOPE,
                FormDialog.hint("Separated by spaces."));
        dialog.textRow(lifetime, TargetField.LIFETIME, String.valueOf(GcpWorkloadTarget.DEFAULT_LIFETIME.toSeconds()),
                FormDialog.hint("Seconds, 600 to 43200, of an impersonated token; over 3600 needs an organization"
                        + " policy."));

        dialog.prepare(adcFile, TargetField.ADC_FILE, choices.defaultAdcFile().toString());
        dialog.watch(adcFile, TargetField.ADC_FILE);
        browse.setAccessibleText("Browse for the ADC file");
        browse.setMinWidth(Region.USE_PREF_SIZE);
        browse.setOnAction(event -> browse());
        HBox.setHgrow(adcFile, Priority.ALWAYS);
        HBox adcLine = new HBox(8, adcFile, browse);
        adcLine.setAlignment(Pos.CENTER_LEFT);
        dialog.row(FormDialog.label(TargetForm.label(TargetField.ADC_FILE), adcFile), dialog.withError(
                TargetField.ADC_FILE, adcLine, FormDialog.hint("Optional: empty means " + choices.defaultAdcFile()
                        + ", where gcloud and Google's libraries look.")));

        boolean overrides = editing != null && (editing.stsEndpoint() != null || editing.iamCredentialsEndpoint() != null
                || editing.trustedCaFile() != null);
        if (overrides) {
            dialog.textRow(stsEndpoint, TargetField.STS_ENDPOINT, GcpWorkloadTarget.GOOGLE_STS.toString());
            dialog.textRow(iamEndpoint, TargetField.IAM_CREDENTIALS_ENDPOINT,
                    GcpWorkloadTarget.GOOGLE_IAM_CREDENTIALS.toString());
            dialog.textRow(caFile, TargetField.TRUSTED_CA_FILE, "the JDK's",
                    FormDialog.hint("Trust only the CAs in this PEM file for both endpoints."));
        }

        GcpValues values = editing == null ? GcpValues.blank() : GcpValues.of(editing);
        dialog.setting(() -> fill(values));
        frame.startChecking(projectNumber);
        dialog.onSave(() -> frame.save(recheck()));
        recheck();
    }

    @Override
    public TargetDialogFrame frame() {
        return frame;
    }

    private void fill(GcpValues values) {
        frame.fillNameAndIssuer(values.name(), values.issuer());
        projectNumber.setText(values.projectNumber());
        pool.setText(values.pool());
        provider.setText(values.provider());
        serviceAccount.setText(values.serviceAccount());
        scopes.setText(values.scopes());
        lifetime.setText(values.lifetime());
        adcFile.setText(values.adcFile());
        stsEndpoint.setText(values.stsEndpoint());
        iamEndpoint.setText(values.iamCredentialsEndpoint());
        caFile.setText(values.caFile());
    }

    private void browse() {
        Path suggested = adcFile.getText().isBlank() ? frame.choices().defaultAdcFile() : Path.of(adcFile.getText().strip());
        picker.fileToWrite(frame.dialog.stage(), "Google ADC file for " + (frame.name.getText().isBlank() ? "the target"
                : frame.name.getText().strip()), suggested).ifPresent(chosen -> adcFile.setText(chosen.toString()));
    }

    private Result recheck() {
        Result result = frame.form.checkGcp(new GcpValues(frame.name.getText(), frame.issuerName(),
                projectNumber.getText(), pool.getText(), provider.getText(), serviceAccount.getText(), scopes.getText(),
                lifetime.getText(), adcFile.getText(), stsEndpoint.getText(), iamEndpoint.getText(), caFile.getText()),
                lastCheck);
        frame.dialog.showProblems(result.errors(), result.valid());
        String file = adcFile.getText().isBlank() ? frame.choices().defaultAdcFile().toString() : adcFile.getText().strip();
        frame.destination.setText("Writes Google's Application Default Credentials to " + file + ".");
        if (result.fileToCheck() != null && !result.fileToCheck().equals(checking)) {
            checkOnDisk(result.fileToCheck());
        }
        return result;
    }

    private void checkOnDisk(Path file) {
        checking = file;
        work.run(() -> new FileCheck(file, GcpWorkloadRules.adcFileProblem(file, frame.choices().awsFiles()).orElse(null)),
                check -> {
                    if (file.equals(checking)) {
                        checking = null;
                        lastCheck = check;
                        recheck();
                    }
                }, failure -> {
                    if (file.equals(checking)) {
                        checking = null;
                        lastCheck = new FileCheck(file, UserMessages.of(failure));
                        recheck();
                    }
                });
    }
}
