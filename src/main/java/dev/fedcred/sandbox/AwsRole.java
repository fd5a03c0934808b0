package dev.fedcred.sandbox;

import java.time.Duration;
import java.util.Objects;

/**
 * An IAM role the STS emulator can hand out, with the one trust-policy shape fedcred needs:
 * <pre>
 * Principal: {"Federated": "arn:aws:iam::ACCOUNT:oidc-provider/HOST:PORT"},
 * Action: "sts:AssumeRoleWithWebIdentity",
 * Condition: {"StringEquals": {"HOST:PORT:aud": audience, "HOST:PORT:sub": subject}}
 * </pre>
 *
 * @param arn                {@code arn:aws:iam::<12 digits>:role/<path/name>}
 * @param trustedIssuer      issuer URL of the OIDC provider the role trusts (its federated principal)
 * @param audience           the {@code aud} condition: the client ID the token must be for
 * @param subject            the {@code sub} condition; null means any user of that provider
 * @param maxSessionDuration the role's MaxSessionDuration, 1 to 12 hours as IAM allows
 */
public record AwsRole(String arn, String trustedIssuer, String audience, String subject, Duration maxSessionDuration) {

    public AwsRole {
        Objects.requireNonNull(arn, "arn");
        Objects.requireNonNull(trustedIssuer, "trustedIssuer");
        Objects.requireNonNull(audience, "audience");
        Objects.requireNonNull(maxSessionDuration, "maxSessionDuration");
        if (!AwsArns.isRoleArn(arn)) {
            throw new IllegalArgumentException("not an IAM role ARN: " + arn);
        }
        if (maxSessionDuration.compareTo(Duration.ofHours(1)) < 0 || maxSessionDuration.compareTo(Duration.ofHours(12)) > 0) {
            throw new IllegalArgumentException("maxSessionDuration must be 1 to 12 hours (IAM's range), was " + maxSessionDuration);
        }
    }

    /** The role's name: the last path segment of the ARN, as in the assumed-role ARN. */
    public String name() {
        return AwsArns.roleName(arn);
    }

    /** The account ID from the ARN. */
    public String accountId() {
        return AwsArns.accountId(arn);
    }
}
