package dev.fedcred.sandbox;

import java.util.Objects;

/**
 * One statement of a role's trust policy for role chaining: the sessions of {@code sourceRoleArn}
 * may call AssumeRole on {@code targetRoleArn}, as this statement in the target role allows:
 * <pre>
 * Principal: {"AWS": "arn:aws:iam::ACCOUNT:role/SOURCE"},
 * Action: "sts:AssumeRole",
 * Condition: {"StringEquals": {"sts:ExternalId": externalId}}
 * </pre>
 *
 * @param sourceRoleArn the role whose sessions may assume the target (the principal)
 * @param targetRoleArn the role they may assume
 * @param externalId    the {@code sts:ExternalId} condition; null means none is asked for
 */
public record AwsRoleTrust(String sourceRoleArn, String targetRoleArn, String externalId) {

    public AwsRoleTrust {
        Objects.requireNonNull(sourceRoleArn, "sourceRoleArn");
        Objects.requireNonNull(targetRoleArn, "targetRoleArn");
        if (!AwsArns.isRoleArn(sourceRoleArn) || !AwsArns.isRoleArn(targetRoleArn)) {
            throw new IllegalArgumentException("not IAM role ARNs: " + sourceRoleArn + ", " + targetRoleArn);
        }
    }

    /** Whether a session of {@code callerRoleArn} may assume {@code roleArn} with {@code givenExternalId}. */
    boolean allows(String callerRoleArn, String roleArn, String givenExternalId) {
        return sourceRoleArn.equals(callerRoleArn) && targetRoleArn.equals(roleArn)
                && Objects.equals(externalId, givenExternalId);
    }
}
