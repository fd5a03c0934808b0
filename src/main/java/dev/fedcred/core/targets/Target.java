package dev.fedcred.core.targets;

/**
 * Something fedcred gets cloud credentials for with one click: an AWS role, a GCP workload
 * identity pool provider, or any other kind registered in {@link TargetKinds}. Each names the
 * issuer whose ID token it exchanges. Not sealed: a new kind's record lives in its own package.
 */
public interface Target {
    String name();

    /** The issuer that signs in for this target; null means the default issuer. */
    String issuer();

    /** Where the credentials go, for people: e.g. "AWS profile fedcred-sandbox". */
    String destination();
}
