package dev.fedcred.core.targets;

/**
 * Something fedcred gets cloud credentials for with one click: an AWS role or a GCP
 * workload identity pool provider. Each names the issuer whose ID token it exchanges.
 */
public sealed interface Target permits AwsRoleTarget, GcpWorkloadTarget {
    String name();

    /** The issuer that signs in for this target; null means the default issuer. */
    String issuer();

    /** Where the credentials go, for people: e.g. "AWS profile fedcred-sandbox". */
    String destination();
}
