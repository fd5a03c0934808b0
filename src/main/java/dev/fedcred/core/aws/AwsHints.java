package dev.fedcred.core.aws;

import dev.fedcred.core.launch.ShellWords;
import dev.fedcred.core.aws.AwsRoleTarget;

/** The AWS CLI command that proves a written profile works, as `assume` and `aws install-profile` suggest it. */
public final class AwsHints {
    private AwsHints() {
    }

    public static String useWith(AwsRoleTarget target, String profile) {
        // without --endpoint-url the AWS CLI would take the sandbox's keys to real AWS
        return "Use it with: aws --profile " + profile + " sts get-caller-identity"
                + (target.stsEndpoint() == null ? "" : " --endpoint-url " + ShellWords.quoted(target.stsEndpoint().toString()));
    }
}
