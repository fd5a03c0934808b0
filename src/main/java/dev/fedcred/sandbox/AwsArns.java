package dev.fedcred.sandbox;

import java.util.regex.Pattern;

/** The ARN and name shapes STS checks before it looks at anything else. */
final class AwsArns {

    /** IAM role ARN; a role path may contain slashes, the name the characters IAM allows. */
    private static final Pattern ROLE_ARN = Pattern.compile("arn:aws:iam::\\d{12}:role/[\\w+=,.@/-]+");
    /** RoleSessionName: the pattern and 2..64 length from the STS API reference. */
    static final Pattern SESSION_NAME_CHARACTERS = Pattern.compile("[\\w+=,.@-]*");
    /** ExternalId: the pattern from the STS API reference. */
    static final Pattern EXTERNAL_ID_CHARACTERS = Pattern.compile("[\\w+=,.@:/-]*");

    private AwsArns() {
    }

    static boolean isRoleArn(String arn) {
        return arn != null && ROLE_ARN.matcher(arn).matches() && arn.length() <= 2048;
    }

    static String assumedRoleArn(String roleArn, String sessionName) {
        return "arn:aws:sts::" + accountId(roleArn) + ":assumed-role/" + roleName(roleArn) + "/" + sessionName;
    }

    /** The account ID from a role ARN. */
    static String accountId(String roleArn) {
        return roleArn.split(":", 6)[4];
    }

    /** The role's name: the last path segment of the ARN, as in the assumed-role ARN. */
    static String roleName(String roleArn) {
        return roleArn.substring(roleArn.lastIndexOf('/') + 1);
    }
}
