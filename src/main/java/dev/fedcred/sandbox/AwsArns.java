package dev.fedcred.sandbox;

import java.util.regex.Pattern;

/** The ARN and name shapes STS checks before it looks at anything else. */
final class AwsArns {

    /** IAM role ARN; a role path may contain slashes, the name the characters IAM allows. */
    private static final Pattern ROLE_ARN = Pattern.compile("arn:aws:iam::\\d{12}:role/[\\w+=,.@/-]+");
    /** RoleSessionName: the pattern and 2..64 length from the STS API reference. */
    static final Pattern SESSION_NAME_CHARACTERS = Pattern.compile("[\\w+=,.@-]*");

    private AwsArns() {
    }

    static boolean isRoleArn(String arn) {
        return arn != null && ROLE_ARN.matcher(arn).matches() && arn.length() <= 2048;
    }

    static String assumedRoleArn(AwsRole role, String sessionName) {
        return "arn:aws:sts::" + role.accountId() + ":assumed-role/" + role.name() + "/" + sessionName;
    }
}
