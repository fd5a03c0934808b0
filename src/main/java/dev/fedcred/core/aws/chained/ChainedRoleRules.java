package dev.fedcred.core.aws.chained;

import static dev.fedcred.core.targets.TargetValidation.httpsOrLoopbackProblem;

import dev.fedcred.core.aws.AwsRoleRules;
import dev.fedcred.core.targets.TargetField;
import dev.fedcred.core.text.OutsideText;
import java.util.LinkedHashMap;
import java.util.Map;
import java.util.regex.Pattern;

/** What a chained role target must look like, reading no file (its source is checked by {@link RoleChains}). */
final class ChainedRoleRules {
    private static final Pattern PROFILE = Pattern.compile("[A-Za-z0-9][A-Za-z0-9._/@-]{0,127}");
    private static final Pattern REGION = Pattern.compile("[a-z]{2}(-[a-z]+)+-\\d");
    private static final Pattern SESSION_NAME = Pattern.compile("[\\w+=,.@-]{2,64}");
    private static final Pattern EXTERNAL_ID = Pattern.compile("[\\w+=,.@:/-]{2,1224}");

    private ChainedRoleRules() {
    }

    static Map<TargetField, String> problems(ChainedRoleTarget target) {
        Map<TargetField, String> problems = new LinkedHashMap<>();
        if (target.source().isBlank()) {
            problems.put(TargetField.SOURCE, "Enter the source target: the AWS target whose session assumes this role"
                    + " (see `fedcred targets list`).");
        } else if (target.source().equals(target.name())) {
            problems.put(TargetField.SOURCE, "A target cannot be its own source; name another AWS target.");
        }
        if (!AwsRoleRules.ROLE_ARN.matcher(target.roleArn()).matches()) {
            problems.put(TargetField.ROLE_ARN, (target.roleArn().isBlank() ? "Enter the role's ARN."
                    : OutsideText.quoted(target.roleArn()) + " is not an IAM role ARN.") + " It looks like "
                    + AwsRoleRules.ROLE_ARN_SHAPE + "; copy it from the role's page in the IAM console.");
        }
        if (target.externalId() != null && !EXTERNAL_ID.matcher(target.externalId()).matches()) {
            problems.put(TargetField.EXTERNAL_ID, "The external ID must be 2 to 1224 characters of letters, digits and"
                    + " + = , . @ : / _ -, as the role's trust policy names it.");
        }
        if (target.profile().isBlank()) {
            problems.put(TargetField.PROFILE, "Enter the AWS profile to write, such as prod; tools use it with"
                    + " --profile or AWS_PROFILE.");
        } else if (!PROFILE.matcher(target.profile()).matches()) {
            problems.put(TargetField.PROFILE, OutsideText.quoted(target.profile()) + " is not a usable AWS profile name: use"
                    + " letters, digits and . _ - / @, no spaces or brackets.");
        }
        if (target.region() != null && !REGION.matcher(target.region()).matches()) {
            problems.put(TargetField.REGION, OutsideText.quoted(target.region()) + " is not an AWS region name such as eu-west-1.");
        }
        durationProblem(target.sessionDuration().toSeconds())
                .ifPresent(problem -> problems.put(TargetField.DURATION, problem));
        if (target.roleSessionName() != null && !SESSION_NAME.matcher(target.roleSessionName()).matches()) {
            problems.put(TargetField.SESSION_NAME, OutsideText.quoted(target.roleSessionName()) + " is not a valid role session"
                    + " name: 2 to 64 characters of letters, digits and + = , . @ _ -.");
        }
        httpsOrLoopbackProblem("The STS endpoint", target.stsEndpoint())
                .ifPresent(problem -> problems.put(TargetField.STS_ENDPOINT, problem));
        return problems;
    }

    static java.util.Optional<String> durationProblem(long seconds) {
        if (seconds > ChainedRoleTarget.MAX_DURATION.toSeconds()) {
            return java.util.Optional.of("A chained role's session lasts at most 3600 seconds (one hour), not " + seconds
                    + ": AWS caps every session reached by role chaining at one hour, whatever the role's maximum"
                    + " session duration. Ask for 3600 or less.");
        }
        if (seconds < ChainedRoleTarget.MIN_DURATION.toSeconds()) {
            return java.util.Optional.of("The session duration must be 900 to 3600 seconds (15 minutes to one hour),"
                    + " not " + seconds + ".");
        }
        return java.util.Optional.empty();
    }
}
