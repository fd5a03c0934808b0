package dev.fedcred.core.targets;

import dev.fedcred.core.FedcredException;
import java.util.regex.Pattern;

/** Checks a target before it is saved, so a typo is caught here rather than by AWS. */
public final class TargetValidation {
    public static final Pattern ROLE_ARN = Pattern.compile("arn:aws(-cn|-us-gov)?:iam::\\d{12}:role/[\\w+=,.@/-]{1,512}");
    private static final Pattern NAME = Pattern.compile("[A-Za-z0-9][A-Za-z0-9._-]{0,63}");
    private static final Pattern PROFILE = Pattern.compile("[A-Za-z0-9][A-Za-z0-9._/+@-]{0,127}");
    private static final Pattern REGION = Pattern.compile("[a-z]{2}(-[a-z]+)+-\\d");
    private static final Pattern SESSION_NAME = Pattern.compile("[\\w+=,.@-]{2,64}");

    private TargetValidation() {
    }

    public static void validate(Target target) {
        if (!NAME.matcher(target.name()).matches()) {
            throw new FedcredException("\"" + target.name() + "\" is not a usable target name: use letters, digits,"
                    + " '.', '_' or '-', at most 64, starting with a letter or digit.");
        }
        if (target instanceof AwsRoleTarget aws) {
            validateAws(aws);
        }
    }

    public static void requireRoleArn(String roleArn) {
        if (!ROLE_ARN.matcher(roleArn).matches()) {
            throw new FedcredException("\"" + roleArn + "\" is not an IAM role ARN. It looks like"
                    + " arn:aws:iam::123456789012:role/NAME (copy it from the role's page in the IAM console).");
        }
    }

    private static void validateAws(AwsRoleTarget target) {
        requireRoleArn(target.roleArn());
        if (!PROFILE.matcher(target.profile()).matches()) {
            throw new FedcredException("\"" + target.profile() + "\" is not a usable AWS profile name: use letters,"
                    + " digits and . _ - / + @, no spaces or brackets.");
        }
        if (target.region() != null && !REGION.matcher(target.region()).matches()) {
            throw new FedcredException("\"" + target.region() + "\" is not an AWS region name such as eu-west-1.");
        }
        long seconds = target.sessionDuration().toSeconds();
        if (seconds < AwsRoleTarget.MIN_DURATION.toSeconds() || seconds > AwsRoleTarget.MAX_DURATION.toSeconds()) {
            throw new FedcredException("The session duration must be 900 to 43200 seconds (15 minutes to 12 hours),"
                    + " not " + seconds + ".");
        }
        if (target.roleSessionName() != null && !SESSION_NAME.matcher(target.roleSessionName()).matches()) {
            throw new FedcredException("\"" + target.roleSessionName() + "\" is not a valid role session name:"
                    + " 2 to 64 characters of letters, digits and + = , . @ _ -.");
        }
        String scheme = target.stsEndpoint() == null ? "https" : target.stsEndpoint().getScheme();
        if (!"https".equals(scheme) && !isLoopback(target.stsEndpoint().getHost())) {
            throw new FedcredException("The STS endpoint " + target.stsEndpoint() + " must use https"
                    + " (plain http only on 127.0.0.1 or localhost, for the sandbox).");
        }
    }

    private static boolean isLoopback(String host) {
        return "127.0.0.1".equals(host) || "localhost".equals(host);
    }
}
