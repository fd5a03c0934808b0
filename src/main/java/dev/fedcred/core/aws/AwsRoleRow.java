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
public final class AwsRoleRow {
    static final String ASSUME = "Assume role";

    private AwsRoleRow() {
    }

    static TargetPresentation of(AwsRoleTarget aws, Path file) {
        return forProfile(aws.roleArn(), List.of(), aws.profile(), file, List.of(AwsConsoleAction.of(aws.roleArn())));
    }

    /**
     * The row of any target that assumes {@code roleArn} and writes the profile {@code profile} of
     * {@code file}, with {@code between} shown between the two (how the role is reached, say), and
     * the kind's own {@code actions}.
     */
    public static TargetPresentation forProfile(String roleArn, List<Line> between, String profile, Path file,
                                                List<TargetAction> actions) {
        List<Line> details = new java.util.ArrayList<>();
        details.add(new Line(roleArn, "Role " + roleArn));
        details.addAll(between);
        details.add(new Line("→ AWS profile " + profile + " in " + file, null));
        return new TargetPresentation(details,
                ASSUME, "AWS credentials", "Remove profile",
                "Assuming " + roleName(roleArn) + "…", "Removing profile " + profile + "…",
                new Question("Remove profile", "Remove the profile " + profile + " from " + file
                        + "? Only a profile fedcred wrote is removed.",
                        "Confirm removing profile " + profile, "Keep profile " + profile),
                "Also remove the profile " + profile + " from " + file + " if fedcred wrote it",
                "The profile " + profile + " is not in the credentials file; " + ASSUME + " writes it.", actions);
    }

    /** Any profile fedcred did not write is worth asking about: replacing it keeps a one-time backup of the file. */
    static TargetPresentation.ReplaceQuestion replaceQuestion(AwsRoleTarget aws, NotWrittenByFedcredException refusal) {
        return replaceQuestion(aws.profile(), refusal);
    }

    /** @param targetProfile the profile the target writes */
    public static TargetPresentation.ReplaceQuestion replaceQuestion(String targetProfile, NotWrittenByFedcredException refusal) {
        String profile = refusal instanceof ProfileNotManagedException notManaged ? notManaged.profile() : targetProfile;
        Path file = refusal.file();
        String text = "The profile " + profile + " in " + file + " was not written by fedcred."
                + " Replace it? A one-time backup of the file is kept as " + file.getFileName()
                + AwsProfileWriter.BACKUP_SUFFIX + ".";
        return new TargetPresentation.ReplaceQuestion(new Question("Replace profile", text,
                "Replace profile " + profile, "Keep profile " + profile),
                "Kept your profile " + profile + "; fedcred wrote nothing.");
    }

    /** "fedcred-sandbox" from arn:aws:iam::000000000000:role/fedcred-sandbox; a path stays. */
    static String roleName(String roleArn) {
        int at = roleArn.indexOf(":role/");
        return at < 0 ? roleArn : roleArn.substring(at + ":role/".length());
    }
}
