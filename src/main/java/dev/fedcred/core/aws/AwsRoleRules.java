package dev.fedcred.core.aws;

import dev.fedcred.core.text.OutsideText;
import static dev.fedcred.core.targets.TargetValidation.httpsOrLoopbackProblem;

import dev.fedcred.core.FedcredException;
import dev.fedcred.core.aws.console.AwsRegions;
import dev.fedcred.core.aws.AwsRoleTarget;
import dev.fedcred.core.targets.TargetField;
import java.net.URI;
import java.util.LinkedHashMap;
import java.util.Map;
import java.util.Optional;
import java.util.regex.Pattern;

/** What an AWS role target must look like before it is saved or sent to STS. */
public final class AwsRoleRules {
    public static final Pattern ROLE_ARN = Pattern.compile("arn:aws(-cn|-us-gov)?:iam::\\d{12}:role/[\\w+=,.@/-]{1,512}");
    public static final String ROLE_ARN_SHAPE = "arn:aws:iam::123456789012:role/NAME";
    // the AWS SDKs ignore a profile with other characters (see AwsProfileWriter)
    private static final Pattern PROFILE = Pattern.compile("[A-Za-z0-9][A-Za-z0-9._/@-]{0,127}");
    private static final Pattern SESSION_NAME = Pattern.compile("[\\w+=,.@-]{2,64}");

    private AwsRoleRules() {
    }

    public static void requireRoleArn(String roleArn) {
        roleArnProblem(roleArn).ifPresent(problem -> {
            throw new FedcredException(problem);
        });
    }

    static Map<TargetField, String> problems(AwsRoleTarget target) {
        Map<TargetField, String> problems = new LinkedHashMap<>();
        roleArnProblem(target.roleArn()).ifPresent(problem -> problems.put(AwsRoleForm.ROLE_ARN, problem));
        long seconds = target.sessionDuration().toSeconds();
        if (seconds < AwsRoleTarget.MIN_DURATION.toSeconds() || seconds > AwsRoleTarget.MAX_DURATION.toSeconds()) {
            problems.put(AwsRoleForm.DURATION, "The session duration must be 900 to 43200 seconds (15 minutes to 12"
                    + " hours), not " + seconds + ".");
        }
        profileProblems(problems, target.profile(), target.region(), target.roleSessionName(), target.stsEndpoint());
        httpsOrLoopbackProblem("The federation endpoint", target.federationEndpoint())
                .ifPresent(problem -> problems.put(AwsRoleForm.FEDERATION_ENDPOINT, problem));
        return problems;
    }

    /**
     * The problems of what every AWS target that assumes a role and writes a profile has: the
     * profile, the region (null: none), the role session name (null: the default) and the STS
     * endpoint (null: AWS's), each put by its field.
     */
    public static void profileProblems(Map<TargetField, String> problems, String profile, String region,
                                       String roleSessionName, URI stsEndpoint) {
        if (profile.isBlank()) {
            problems.put(AwsRoleForm.PROFILE, "Enter the AWS profile to write, such as prod; tools use it with"
                    + " --profile or AWS_PROFILE.");
        } else if (!PROFILE.matcher(profile).matches()) {
            problems.put(AwsRoleForm.PROFILE, OutsideText.quoted(profile) + " is not a usable AWS profile name: use"
                    + " letters, digits and . _ - / @, no spaces or brackets.");
        }
        if (region != null) {
            AwsRegions.problem(region).ifPresent(problem -> problems.put(AwsRoleForm.REGION, problem));
        }
        if (roleSessionName != null && !SESSION_NAME.matcher(roleSessionName).matches()) {
            problems.put(AwsRoleForm.SESSION_NAME, OutsideText.quoted(roleSessionName) + " is not a valid role session"
                    + " name: 2 to 64 characters of letters, digits and + = , . @ _ -.");
        }
        httpsOrLoopbackProblem("The STS endpoint", stsEndpoint)
                .ifPresent(problem -> problems.put(AwsRoleForm.STS_ENDPOINT, problem));
    }

    /** What is wrong with a role ARN; empty when it has the shape of one. */
    public static Optional<String> roleArnProblem(String roleArn) {
        if (ROLE_ARN.matcher(roleArn).matches()) {
            return Optional.empty();
        }
        String lead = roleArn.isBlank() ? "Enter the role's ARN." : OutsideText.quoted(roleArn) + " is not an IAM role ARN.";
        return Optional.of(lead + " It looks like " + ROLE_ARN_SHAPE + " (arn:aws-cn:… in China,"
                + " arn:aws-us-gov:… in GovCloud); copy it from the role's page in the IAM console.");
    }
}
