package dev.fedcred.sandbox;

import java.util.List;
import java.util.Objects;
import java.util.regex.Pattern;

/**
 * A service account the GCP emulator's IAM Credentials API can mint tokens for, with the members
 * that hold {@code roles/iam.workloadIdentityUser} on it.
 *
 * @param email                 {@code NAME@PROJECT.iam.gserviceaccount.com}
 * @param workloadIdentityUsers members as IAM writes them: one federated identity
 *                              ({@code principal://iam.googleapis.com/projects/N/locations/global/workloadIdentityPools/POOL/subject/SUBJECT})
 *                              or every identity of a pool
 *                              ({@code principalSet://iam.googleapis.com/projects/N/locations/global/workloadIdentityPools/POOL/*});
 *                              see {@link SandboxGcp#principal} and {@link SandboxGcp#principalSet}.
 *                              Attribute-based principal sets are not emulated
 */
public record GcpServiceAccount(String email, List<String> workloadIdentityUsers) {

    /** IAM's rule for account IDs (6 to 30 characters) under a project's service-account domain. */
    private static final Pattern EMAIL =
            Pattern.compile("[a-z][a-z0-9-]{4,28}[a-z0-9]@[a-z][a-z0-9-]{4,28}[a-z0-9]\\.iam\\.gserviceaccount\\.com");

    public GcpServiceAccount {
        Objects.requireNonNull(email, "email");
        if (!EMAIL.matcher(email).matches()) {
            throw new IllegalArgumentException("not a service account email (NAME@PROJECT.iam.gserviceaccount.com): " + email);
        }
        workloadIdentityUsers = List.copyOf(Objects.requireNonNull(workloadIdentityUsers, "workloadIdentityUsers"));
        for (String member : workloadIdentityUsers) {
            if (!member.startsWith(SandboxGcp.PRINCIPAL_PREFIX) && !member.startsWith(SandboxGcp.PRINCIPAL_SET_PREFIX)) {
                throw new IllegalArgumentException("a workload identity user is a principal:// or principalSet:// "
                        + "member of a workload identity pool, was " + member);
            }
        }
    }

    /** Whether the federated {@code principal} of {@code poolName} may act as this account. */
    boolean allows(String principal, String poolName) {
        String wholePool = SandboxGcp.PRINCIPAL_SET_PREFIX + poolName + "/*";
        return workloadIdentityUsers.contains(principal) || workloadIdentityUsers.contains(wholePool);
    }
}
