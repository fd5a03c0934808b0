package dev.fedcred.core.aws.chained;

import static dev.fedcred.core.aws.AwsRoleForm.DURATION;
import static dev.fedcred.core.aws.AwsRoleForm.PROFILE;
import static dev.fedcred.core.aws.AwsRoleForm.REGION;
import static dev.fedcred.core.aws.AwsRoleForm.ROLE_ARN;
import static dev.fedcred.core.aws.AwsRoleForm.SESSION_NAME;
import static dev.fedcred.core.aws.AwsRoleForm.STS_ENDPOINT;

import dev.fedcred.core.aws.AwsRoleForm;
import dev.fedcred.core.aws.AwsRoleKind;
import dev.fedcred.core.aws.AwsRoleRules;
import dev.fedcred.core.aws.profiles.AwsFileLocations;
import dev.fedcred.core.targets.SettingInput;
import dev.fedcred.core.targets.TargetField;
import dev.fedcred.core.targets.TargetForm;
import dev.fedcred.core.targets.TargetSetting;
import java.util.List;
import java.util.Set;

/**
 * The settings of a chained role target, for the window's dialog and the command line. It has no
 * issuer of its own: the first target of its chain signs in for it.
 */
final class ChainedRoleForm {
    static final TargetField SOURCE = new TargetField("source");
    static final TargetField EXTERNAL_ID = new TargetField("external_id");

    private ChainedRoleForm() {
    }

    static TargetForm of(AwsFileLocations files) {
        String duration = String.valueOf(ChainedRoleTarget.DEFAULT_DURATION.toSeconds());
        return new TargetForm("prod-admin, audit, …", List.of(
                TargetSetting.required(SOURCE, "Source target", "the AWS target whose session assumes the role (an AWS"
                                + " role or another chained role); it signs in for this one")
                        .withInput(new SettingInput.TargetChoice(Set.of(AwsRoleKind.ID, ChainedRoleKind.ID)))
                        .withHint("The AWS target whose session assumes this role; its issuer signs in for both."),
                TargetSetting.required(ROLE_ARN, "Role ARN", "the IAM role's ARN, " + AwsRoleRules.ROLE_ARN_SHAPE)
                        .withPlaceholder(AwsRoleRules.ROLE_ARN_SHAPE),
                TargetSetting.required(PROFILE, "Profile", "the AWS profile fedcred writes").withPlaceholder("prod-admin")
                        .withHint("The AWS profile fedcred writes; use it with --profile or AWS_PROFILE."),
                TargetSetting.optional(EXTERNAL_ID, "External ID", "the external ID the role's trust policy asks for")
                        .withHint("Optional: only if the role's trust policy asks for one."),
                TargetSetting.optional(SESSION_NAME, "Session name", "the role session name (default: the source"
                                + " session's)").withPlaceholder("the source session's")
                        .withHint("Optional: shows in CloudTrail; by default the source session's name."),
                TargetSetting.optional(DURATION, "Session duration", "the session duration, 900 to 3600: AWS caps"
                                + " chained sessions at one hour (default " + duration + ")")
                        .withPlaceholder(duration).withInitial(duration)
                        .withHint("Seconds, 900 to 3600: AWS caps a session reached by role chaining at one hour."),
                TargetSetting.optional(REGION, "Region", "the region for STS and the profile (default for STS: the"
                                + " source's)").withPlaceholder("us-east-1")
                        .withHint("Optional: the region for STS and the profile."),
                TargetSetting.optional(STS_ENDPOINT, "STS endpoint", "another STS endpoint (default: the source's)")
                        .withPlaceholder("the source's")
                        .withHint("Optional: leave empty to use the source target's STS endpoint.")),
                texts -> AwsRoleForm.destination(texts, files), Set.of(SOURCE, PROFILE));
    }
}
