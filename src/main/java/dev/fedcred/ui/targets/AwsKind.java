package dev.fedcred.ui.targets;

import dev.fedcred.FedcredContext;
import dev.fedcred.core.aws.profiles.ProfileNotManagedException;
import dev.fedcred.core.status.TargetSnapshot;
import dev.fedcred.core.aws.AwsRoleTarget;
import dev.fedcred.ui.fx.Confirmation;
import java.nio.file.Path;
import java.util.List;

/** An AWS role: assumed with the ID token and written as a profile of the shared credentials file. */
final class AwsKind implements dev.fedcred.ui.targets.TargetKind {
    private final AwsRoleTarget aws;

    AwsKind(AwsRoleTarget aws) {
        this.aws = aws;
    }

    @Override
    public List<Detail> details(TargetSnapshot snapshot) {
        return List.of(new Detail(aws.roleArn(), "Role " + aws.roleArn()),
                new Detail("→ AWS profile " + aws.profile() + " in " + snapshot.credentialsFile(), null));
    }

    @Override
    public String alsoRemoveText(TargetSnapshot snapshot) {
        return "Also remove the profile " + aws.profile() + " from " + snapshot.credentialsFile() + " if fedcred wrote it";
    }

    @Override
    public String getLabel() {
        return TargetRowModel.ASSUME;
    }

    @Override
    public String credentialsName() {
        return "AWS credentials";
    }

    @Override
    public String removeLabel() {
        return TargetRowModel.REMOVE_PROFILE;
    }

    @Override
    public String gettingMessage() {
        return "Assuming " + TargetRowModel.roleName(aws) + "…";
    }

    @Override
    public Got get(FedcredContext context, boolean force) {
        dev.fedcred.core.targets.TargetKind.Obtained obtained = context.kinds().of(aws).obtain(force);
        return new Got(obtained.expiresAt(), obtained.notice());
    }

    @Override
    public Confirmation replaceQuestion(Throwable failure) {
        if (!(failure instanceof ProfileNotManagedException notManaged)) {
            return null;
        }
        Path file = notManaged.file();
        String text = "The profile " + notManaged.profile() + " in " + file + " was not written by fedcred."
                + " Replace it? A one-time backup of the file is kept as " + file.getFileName()
                + TargetRowModel.BACKUP_SUFFIX + ".";
        return new Confirmation("Replace profile", text, TargetRowModel.REPLACE,
                "Replace profile " + notManaged.profile(), "Keep profile " + notManaged.profile());
    }

    @Override
    public String keptNotice(Throwable failure) {
        String profile = failure instanceof ProfileNotManagedException p ? p.profile() : aws.profile();
        return "Kept your profile " + profile + "; fedcred wrote nothing.";
    }

    @Override
    public Confirmation removeQuestion(TargetSnapshot snapshot) {
        String text = "Remove the profile " + aws.profile() + " from " + snapshot.credentialsFile()
                + "? Only a profile fedcred wrote is removed.";
        return new Confirmation("Remove profile", text, TargetRowModel.REMOVE,
                "Confirm removing profile " + aws.profile(), "Keep profile " + aws.profile());
    }

    @Override
    public String removingMessage() {
        return "Removing profile " + aws.profile() + "…";
    }

    @Override
    public Removed remove(FedcredContext context, TargetSnapshot snapshot) {
        dev.fedcred.core.targets.TargetKind.Removal removal = context.kinds().of(aws).removeWritten();
        return new Removed(removal.notice(), removal.fileStillThere());
    }

    @Override
    public String missingHint() {
        return "The profile " + aws.profile() + " is not in the credentials file; " + TargetRowModel.ASSUME + " writes it.";
    }
}
