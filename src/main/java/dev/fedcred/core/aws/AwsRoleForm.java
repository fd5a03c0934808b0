package dev.fedcred.core.aws;

import dev.fedcred.core.aws.profiles.AwsFileLocations;
import dev.fedcred.core.targets.SettingTexts;
import dev.fedcred.core.targets.TargetField;
import dev.fedcred.core.targets.TargetForm;
import dev.fedcred.core.targets.TargetSetting;
import java.util.List;
import java.util.Set;

/**
 * The settings of an AWS role target: their keys, and how the window's dialog and the command line
 * show them. The fields every AWS target that writes a profile has are public, for the other AWS kinds.
 */
public final class AwsRoleForm {
    public static final TargetField ROLE_ARN = new TargetField("role_arn");
    public static final TargetField PROFILE = new TargetField("profile");
    public static final TargetField REGION = new TargetField("region");
    public static final TargetField DURATION = new TargetField("duration_seconds");
    public static final TargetField SESSION_NAME = new TargetField("role_session_name");
    public static final TargetField STS_ENDPOINT = new TargetField("sts_endpoint");
    static final TargetField FEDERATION_ENDPOINT = new TargetField("federation_endpoint");

    private AwsRoleForm() {
    }

    static TargetForm of(AwsFileLocations files) {
        String duration = String.valueOf(AwsRoleTarget.DEFAULT_DURATION.toSeconds());
        return new TargetForm("prod-readonly, dev-admin, …", List.of(TargetSetting.ISSUER,
                TargetSetting.required(ROLE_ARN, "Role ARN", "the IAM role's ARN, " + AwsRoleRules.ROLE_ARN_SHAPE)
                        .withPlaceholder(AwsRoleRules.ROLE_ARN_SHAPE),
                TargetSetting.required(PROFILE, "Profile", "the AWS profile fedcred writes").withPlaceholder("prod")
                        .withHint("The AWS profile fedcred writes; use it with --profile or AWS_PROFILE."),
                TargetSetting.optional(REGION, "Region", "the region for STS and the profile").withPlaceholder("us-east-1")
                        .withHint("Optional: the region for STS and the profile."),
                TargetSetting.optional(DURATION, "Session duration", "the session duration, 900 to 43200 (default "
                                + duration + ")").withPlaceholder(duration).withInitial(duration)
                        .withHint("Seconds, 900 to 43200; the role's maximum session duration must allow it."),
                TargetSetting.optional(SESSION_NAME, "Session name", "the role session name (default: from the email or"
                                + " sub)").withPlaceholder("from your email or subject")
                        .withHint("Optional: shows in CloudTrail; by default your email or subject."),
                TargetSetting.optional(STS_ENDPOINT, "STS endpoint", "another STS endpoint, such as the sandbox's")
                        .withPlaceholder("https://sts.REGION.amazonaws.com")
                        .withHint("Optional: leave empty for AWS's regional endpoint."),
                TargetSetting.optional(FEDERATION_ENDPOINT, "Federation endpoint", "another AWS federation endpoint"
                                + " for console sign-in, such as the sandbox's")
                        .withPlaceholder("https://signin.aws.amazon.com/federation").shownOnlyWhenSet()),
                texts -> destination(texts, files), Set.of());
    }

    /** "Writes the profile P to FILE (and its region to CONFIG)." from the values as typed; empty without a profile. */
    public static String destination(SettingTexts texts, AwsFileLocations files) {
        if (!texts.isSet(PROFILE)) {
            return "";
        }
        return "Writes the profile " + texts.text(PROFILE) + " to " + files.credentialsFile()
                + (texts.isSet(REGION) ? " and its region to " + files.configFile() : "") + ".";
    }
}
