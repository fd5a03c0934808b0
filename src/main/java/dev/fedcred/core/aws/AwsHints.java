package dev.fedcred.core.aws;

import dev.fedcred.core.launch.ShellWords;

/** The AWS CLI command that proves a written profile works, as `assume` and `aws install-profile` suggest it. */
public final class AwsHints {
    private AwsHints() {
    }

    /** @param stsEndpoint the target's STS endpoint; null for AWS's own */
    public static String useWith(java.net.URI stsEndpoint, String profile) {
        // without --endpoint-url the AWS CLI would take the sandbox's keys to real AWS
        return "Use it with: aws --profile " + profile + " sts get-caller-identity"
                + (stsEndpoint == null ? "" : " --endpoint-url " + ShellWords.quoted(stsEndpoint.toString()));
    }
}
