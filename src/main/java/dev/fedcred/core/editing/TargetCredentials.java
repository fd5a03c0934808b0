package dev.fedcred.core.editing;

import dev.fedcred.core.FedcredException;
import dev.fedcred.core.aws.AwsCredentialService;
import dev.fedcred.core.gcp.GcpCredentialService;
import dev.fedcred.core.targets.AwsRoleTarget;
import dev.fedcred.core.targets.GcpWorkloadTarget;
import dev.fedcred.core.targets.Target;
import java.nio.file.Path;

/**
 * What fedcred keeps for a target: the credentials it cached (which credential-process and
 * print-access-token hand out) and the profile or ADC file it wrote. Deleting a target and
 * signing out both let go of them here.
 */
public final class TargetCredentials {
    private final AwsCredentialService aws;
    private final GcpCredentialService gcp;

    public TargetCredentials(AwsCredentialService aws, GcpCredentialService gcp) {
        this.aws = aws;
        this.gcp = gcp;
    }

    /** Forgets the cached credentials, so nothing answers from the cache until new ones are fetched. */
    public void forgetCached(Target target) {
        if (target instanceof AwsRoleTarget role) {
            aws.forget(role);
        } else if (target instanceof GcpWorkloadTarget workload) {
            gcp.forget(workload);
        }
    }

    /**
     * Removes the profile or ADC file fedcred wrote for the target; one someone else wrote always
     * stays. Returns what became of it, for people (never an exception: what stays on disk is the
     * user's to decide); null for a kind of target that writes nothing.
     */
    public String removeWritten(Target target) {
        try {
            if (target instanceof AwsRoleTarget role) {
                Path file = aws.files().credentialsFile();
                return aws.removeProfile(role.profile())
                        ? "Removed the profile " + role.profile() + " from " + file + "."
                        : "There was no profile " + role.profile() + " written by fedcred in " + file + ".";
            }
            if (target instanceof GcpWorkloadTarget workload) {
                Path file = gcp.adcFile(workload);
                return switch (gcp.removeAdc(workload)) {
                    case REMOVED -> "Removed the Google ADC file " + file + ".";
                    case REMOVED_AND_RESTORED -> "Removed fedcred's credentials from " + file
                            + " and put back the file it had replaced.";
                    case NOTHING_TO_REMOVE -> "There was no Google ADC file at " + file + ".";
                };
            }
            return null;
        } catch (FedcredException e) {
            return "The credentials file stays as it is: " + e.getMessage();
        }
    }
}
