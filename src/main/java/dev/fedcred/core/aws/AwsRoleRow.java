package dev.fedcred.core.aws;

import dev.fedcred.core.aws.profiles.AwsProfileWriter;
import dev.fedcred.core.aws.profiles.ProfileNotManagedException;
import dev.fedcred.core.targets.NotWrittenByFedcredException;
import dev.fedcred.core.targets.TargetAction;
import dev.fedcred.core.targets.TargetPresentation;
import dev.fedcred.core.targets.TargetPresentation.Line;
import dev.fedcred.core.targets.TargetPresentation.Question;
import java.nio.file.Path;
import java.util.List;

/** What the desktop window's row says about an AWS role written as a profile of the shared credentials file. */
final class AwsRoleRow {
    static final String ASSUME = "Assume role";
    /** The id of the row's console action. */
    static final String OPEN_CONSOLE = "open-console";

    private AwsRoleRow() {
    }

    static TargetPresentation of(AwsRoleTarget aws, Path file) {
        String profile = aws.profile();
        return new TargetPresentation(
                List.of(new Line(aws.roleArn(), "Role " + aws.roleArn()),
                        new Line("→ AWS profile " + profile + " in " + file, null)),
                ASSUME, "AWS credentials", "Remove profile",
                "Assuming " + roleName(aws) + "…", "Removing profile " + profile + "…",
                new Question("Remove profile", "Remove the profile " + profile + " from " + file
                        + "? Only a profile fedcred wrote is removed.",
                        "Confirm removing profile " + profile, "Keep profile " + profile),
                "Also remove the profile " + profile + " from " + file + " if fedcred wrote it",
                "The profile " + profile + " is not in the credentials file; " + ASSUME + " writes it.",
                List.of(new TargetAction(OPEN_CONSOLE, "Open console", "Open the AWS console as " + roleName(aws),
                        "Opening the AWS console as " + roleName(aws) + "…")));
    }

    /** Any profile fedcred did not write is worth asking about: replacing it keeps a one-time backup of the file. */
    static TargetPresentation.ReplaceQuestion replaceQuestion(AwsRoleTarget aws, NotWrittenByFedcredException refusal) {
        String profile = refusal instanceof ProfileNotManagedException notManaged ? notManaged.profile() : aws.profile();
        Path file = refusal.file();
        String text = "The profile " + profile + " in " + file + " was not written by fedcred."
                + " Replace it? A one-time backup of the file is kept as " + file.getFileName()
                + AwsProfileWriter.BACKUP_SUFFIX + ".";
        return new TargetPresentation.ReplaceQuestion(new Question("Replace profile", text,
                "Replace profile " + profile, "Keep profile " + profile),
                "Kept your profile " + profile + "; fedcred wrote nothing.");
    }

    /** "fedcred-sandbox" from arn:aws:iam::000000000000:role/fedcred-sandbox; a path stays. */
    static String roleName(AwsRoleTarget aws) {
        int at = aws.roleArn().indexOf(":role/");
        return at < 0 ? aws.roleArn() : aws.roleArn().substring(at + ":role/".length());
    }
}
