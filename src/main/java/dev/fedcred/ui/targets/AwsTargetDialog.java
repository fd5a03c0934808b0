package dev.fedcred.ui.targets;

import dev.fedcred.FedcredContext;
import dev.fedcred.core.aws.AwsRoleRules;
import dev.fedcred.core.aws.AwsRoleTarget;
import dev.fedcred.core.targets.Target;
import dev.fedcred.core.targets.TargetField;
import dev.fedcred.ui.fx.BackgroundWork;
import dev.fedcred.ui.fx.FormDialog;
import dev.fedcred.ui.targets.TargetForm.AwsValues;
import dev.fedcred.ui.targets.TargetForm.Result;
import java.util.function.Consumer;
import javafx.scene.control.TextField;
import javafx.stage.Window;

/** Adds or edits an AWS role target, with every setting {@code fedcred targets add-aws} takes. */
final class AwsTargetDialog implements TargetDialog {
    static final String KIND = "AWS role";

    private final TargetDialogFrame frame;
    private final TextField roleArn = new TextField();
    private final TextField profile = new TextField();
    private final TextField region = new TextField();
    private final TextField duration = new TextField();
    private final TextField sessionName = new TextField();
    private final TextField stsEndpoint = new TextField();

    AwsTargetDialog(Window owner, FedcredContext context, BackgroundWork work, TargetChoices choices,
                    AwsRoleTarget editing, Consumer<Target> onSaved) {
        frame = new TargetDialogFrame(owner, KIND, context, work, choices, editing, onSaved, this::recheck);
        FormDialog<TargetField> dialog = frame.dialog;
        frame.nameAndIssuerRows("prod-readonly, dev-admin, …");
        dialog.textRow(roleArn, TargetField.ROLE_ARN, AwsRoleRules.ROLE_ARN_SHAPE);
        dialog.textRow(profile, TargetField.PROFILE, "prod",
                FormDialog.hint("The AWS profile fedcred writes; use it with --profile or AWS_PROFILE."));
        dialog.textRow(region, TargetField.REGION, "us-east-1",
                FormDialog.hint("Optional: the region for STS and the profile."));
        dialog.textRow(duration, TargetField.DURATION, String.valueOf(AwsRoleTarget.DEFAULT_DURATION.toSeconds()),
                FormDialog.hint("Seconds, 900 to 43200; the role's maximum session duration must allow it."));
        dialog.textRow(sessionName, TargetField.SESSION_NAME, "from your email or subject",
                FormDialog.hint("Optional: shows in CloudTrail; by default your email or subject."));
        dialog.textRow(stsEndpoint, TargetField.STS_ENDPOINT, "https://sts.REGION.amazonaws.com",
                FormDialog.hint("Optional: leave empty for AWS's regional endpoint."));

        AwsValues values = editing == null ? AwsValues.blank() : AwsValues.of(editing);
        dialog.setting(() -> fill(values));
        frame.startChecking(roleArn);
        dialog.onSave(() -> frame.save(recheck()));
        recheck();
    }

    @Override
    public TargetDialogFrame frame() {
        return frame;
    }

    private void fill(AwsValues values) {
        frame.fillNameAndIssuer(values.name(), values.issuer());
        roleArn.setText(values.roleArn());
        profile.setText(values.profile());
        region.setText(values.region());
        duration.setText(values.duration());
        sessionName.setText(values.sessionName());
        stsEndpoint.setText(values.stsEndpoint());
    }

    private Result recheck() {
        Result result = frame.form.checkAws(new AwsValues(frame.name.getText(), frame.issuerName(), roleArn.getText(),
                profile.getText(), region.getText(), duration.getText(), sessionName.getText(), stsEndpoint.getText()));
        frame.dialog.showProblems(result.errors(), result.valid());
        String profileName = profile.getText().strip();
        frame.destination.setText(profileName.isEmpty() ? "" : "Writes the profile " + profileName + " to "
                + frame.choices().awsFiles().credentialsFile() + (region.getText().isBlank() ? "" : " and its region to "
                + frame.choices().awsFiles().configFile()) + ".");
        return result;
    }
}
