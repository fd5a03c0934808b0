package dev.fedcred.sandbox;

import java.util.List;

/**
 * The Google Cloud side of the sandbox: one fake project with a workload identity pool whose
 * provider trusts the sandbox issuer, and two service accounts, unless
 * {@link SandboxOptions#withGcpProviders} and {@link SandboxOptions#withGcpServiceAccounts} say
 * otherwise. Project number 000000000000 is never a real one.
 */
public final class SandboxGcp {

    public static final String PROJECT_NUMBER = "000000000000";
    /** The project's ID, as Cloud Resource Manager reports it for {@link #PROJECT_NUMBER}. */
    public static final String PROJECT_ID = "fedcred-sandbox";
    public static final String POOL_ID = "fedcred-sandbox-pool";
    public static final String PROVIDER_ID = "fedcred-sandbox-provider";
    /** The default provider's resource name: the {@code audience} to send to STS. */
    public static final String PROVIDER_AUDIENCE = "//iam.googleapis.com/projects/" + PROJECT_NUMBER
            + "/locations/global/workloadIdentityPools/" + POOL_ID + "/providers/" + PROVIDER_ID;
    /** Bound to the sandbox user's federated principal, so it can be impersonated. */
    public static final String SERVICE_ACCOUNT = "fedcred-sandbox@fedcred-sandbox.iam.gserviceaccount.com";
    /** Has no workload identity users: impersonating it is PERMISSION_DENIED. */
    public static final String DENIED_SERVICE_ACCOUNT = "fedcred-sandbox-denied@fedcred-sandbox.iam.gserviceaccount.com";

    static final String PRINCIPAL_PREFIX = "principal://iam.googleapis.com/";
    static final String PRINCIPAL_SET_PREFIX = "principalSet://iam.googleapis.com/";

    private SandboxGcp() {
    }

    /** The IAM member for one federated identity: {@code principal://iam.googleapis.com/projects/N/locations/global/workloadIdentityPools/POOL/subject/SUBJECT}. */
    public static String principal(String projectNumber, String poolId, String subject) {
        return PRINCIPAL_PREFIX + poolName(projectNumber, poolId) + "/subject/" + subject;
    }

    /** The IAM member for every identity in a pool: {@code principalSet://iam.googleapis.com/projects/N/locations/global/workloadIdentityPools/POOL/*}. */
    public static String principalSet(String projectNumber, String poolId) {
        return PRINCIPAL_SET_PREFIX + poolName(projectNumber, poolId) + "/*";
    }

    /**
     * The default provider: trusts {@code issuerUrl} for audience {@link SandboxClient#CLIENT_ID},
     * as a provider for Google sign-in lists the OAuth client ID (Google's ID tokens carry it as
     * {@code aud}, not the provider's name).
     */
    public static List<GcpProvider> defaultProviders(String issuerUrl) {
        return List.of(new GcpProvider(PROJECT_NUMBER, POOL_ID, PROVIDER_ID, issuerUrl, List.of(SandboxClient.CLIENT_ID)));
    }

    /** {@link #SERVICE_ACCOUNT} bound to the sandbox user, and {@link #DENIED_SERVICE_ACCOUNT} bound to nobody. */
    public static List<GcpServiceAccount> defaultServiceAccounts() {
        return List.of(
                new GcpServiceAccount(SERVICE_ACCOUNT, List.of(principal(PROJECT_NUMBER, POOL_ID, SandboxUser.SUBJECT))),
                new GcpServiceAccount(DENIED_SERVICE_ACCOUNT, List.of()));
    }

    private static String poolName(String projectNumber, String poolId) {
        return "projects/" + projectNumber + "/locations/global/workloadIdentityPools/" + poolId;
    }
}
