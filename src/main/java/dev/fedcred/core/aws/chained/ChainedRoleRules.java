package dev.fedcred.core.aws.chained;

import dev.fedcred.core.aws.AwsRoleForm;
import dev.fedcred.core.aws.AwsRoleRules;
import dev.fedcred.core.targets.TargetField;
import java.util.LinkedHashMap;
import java.util.Map;
import java.util.Optional;
import java.util.regex.Pattern;

/** What a chained role target must look like, reading no file (its source is checked by {@link RoleChains}). */
final class ChainedRoleRules {
    private static final Pattern EXTERNAL_ID = Pattern.compile("[\\w+=,.@:/-]{2,1224}");

    private ChainedRoleRules() {
    }

    static Map<TargetField, String> problems(ChainedRoleTarget target) {
        Map<TargetField, String> problems = new LinkedHashMap<>();
        if (target.source().isBlank()) {
            problems.put(ChainedRoleForm.SOURCE, "Enter the source target: the AWS target whose session assumes this role"
                    + " (see `fedcred targets list`).");
        } else if (target.source().equals(target.name())) {
            problems.put(ChainedRoleForm.SOURCE, "A target cannot be its own source; name another AWS target.");
        }
        AwsRoleRules.roleArnProblem(target.roleArn()).ifPresent(problem -> problems.put(AwsRoleForm.ROLE_ARN, problem));
        if (target.externalId() != null && !EXTERNAL_ID.matcher(target.externalId()).matches()) {
            problems.put(ChainedRoleForm.EXTERNAL_ID, "The external ID must be 2 to 1224 characters of letters, digits and"
                    + " + = , . @ : / _ -, as the role's trust policy names it.");
        }
        durationProblem(target.sessionDuration().toSeconds())
                .ifPresent(problem -> problems.put(AwsRoleForm.DURATION, problem));
        AwsRoleRules.profileProblems(problems, target.profile(), target.region(), target.roleSessionName(),
                target.stsEndpoint());
        return problems;
    }

    static Optional<String> durationProblem(long seconds) {
        if (seconds > ChainedRoleTarget.MAX_DURATION.toSeconds()) {
            return Optional.of("A chained role's session lasts at most 3600 seconds (one hour), not " + seconds
                    + ": AWS caps every session reached by role chaining at one hour, whatever the role's maximum"
                    + " session duration. Ask for 3600 or less.");
        }
        if (seconds < ChainedRoleTarget.MIN_DURATION.toSeconds()) {
            return Optional.of("The session duration must be 900 to 3600 seconds (15 minutes to one hour),"
                    + " not " + seconds + ".");
        }
        return Optional.empty();
    }
}
