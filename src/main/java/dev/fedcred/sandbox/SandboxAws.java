package dev.fedcred.sandbox;

import java.time.Duration;
import java.util.List;

/**
 * The AWS side of the sandbox: one fake account and the roles it has unless
 * {@link SandboxOptions#withAwsRoles} says otherwise. Account 000000000000 is never a real one.
 */
public final class SandboxAws {

    public static final String ACCOUNT_ID = "000000000000";
    /** Trusts the sandbox issuer for any of its users; sessions up to 12 hours. */
    public static final String DEFAULT_ROLE_ARN = "arn:aws:iam::" + ACCOUNT_ID + ":role/fedcred-sandbox";
    /** Like the default role, but MaxSessionDuration is one hour, to exercise that limit. */
    public static final String SHORT_ROLE_ARN = "arn:aws:iam::" + ACCOUNT_ID + ":role/fedcred-sandbox-short";
    /** Trusts only the subject {@value #OTHER_USER_SUBJECT}, so the sandbox user is refused. */
    public static final String OTHER_USER_ROLE_ARN = "arn:aws:iam::" + ACCOUNT_ID + ":role/fedcred-sandbox-other-user";
    public static final String OTHER_USER_SUBJECT = "someone-else";
    /** Reached by role chaining only: sessions of {@link #DEFAULT_ROLE_ARN} may assume it. */
    public static final String CHAINED_ROLE_ARN = "arn:aws:iam::" + ACCOUNT_ID + ":role/fedcred-sandbox-chained";
    /** Like the chained role, but its trust policy asks for the external ID {@value #CHAINED_EXTERNAL_ID}. */
    public static final String CHAINED_EXTERNAL_ROLE_ARN = "arn:aws:iam::" + ACCOUNT_ID + ":role/fedcred-sandbox-chained-external";
    public static final String CHAINED_EXTERNAL_ID = "fedcred-sandbox-external-id";
    /** A second link: sessions of {@link #CHAINED_ROLE_ARN} may assume it. */
    public static final String SECOND_CHAINED_ROLE_ARN = "arn:aws:iam::" + ACCOUNT_ID + ":role/fedcred-sandbox-chained-second";

    private SandboxAws() {
    }

    /** The three default roles, trusting {@code issuerUrl} with audience {@link SandboxClient#CLIENT_ID}. */
    public static List<AwsRole> defaultRoles(String issuerUrl) {
        return List.of(
                new AwsRole(DEFAULT_ROLE_ARN, issuerUrl, SandboxClient.CLIENT_ID, null, Duration.ofHours(12)),
                new AwsRole(SHORT_ROLE_ARN, issuerUrl, SandboxClient.CLIENT_ID, null, Duration.ofHours(1)),
                new AwsRole(OTHER_USER_ROLE_ARN, issuerUrl, SandboxClient.CLIENT_ID, OTHER_USER_SUBJECT, Duration.ofHours(12)));
    }

    /** Who may chain to whom unless {@link SandboxOptions#withAwsRoleTrusts} says otherwise. */
    public static List<AwsRoleTrust> defaultRoleTrusts() {
        return List.of(new AwsRoleTrust(DEFAULT_ROLE_ARN, CHAINED_ROLE_ARN, null),
                new AwsRoleTrust(DEFAULT_ROLE_ARN, CHAINED_EXTERNAL_ROLE_ARN, CHAINED_EXTERNAL_ID),
                new AwsRoleTrust(CHAINED_ROLE_ARN, SECOND_CHAINED_ROLE_ARN, null));
    }
}
