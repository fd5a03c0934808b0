package dev.fedcred.core.editing;

import dev.fedcred.core.FedcredException;
import dev.fedcred.core.aws.AwsCredentialService;
import dev.fedcred.core.gcp.GcpCredentialService;
import dev.fedcred.core.targets.AwsRoleTarget;
import dev.fedcred.core.targets.GcpWorkloadTarget;
import dev.fedcred.core.targets.Target;
import dev.fedcred.core.targets.TargetRegistry;
import dev.fedcred.core.targets.TargetValidation;
import java.nio.file.Path;
import java.util.Optional;

/**
 * Adds, changes and deletes the user's targets, for the CLI and the desktop window alike. The
 * credentials fedcred cached for a target are forgotten when it changes or goes, so
 * credential-process never hands out credentials of a role the target no longer names.
 */
public final class TargetEditor {
    private final TargetRegistry targets;
    private final AwsCredentialService aws;
    private final GcpCredentialService gcp;

    public TargetEditor(TargetRegistry targets, AwsCredentialService aws, GcpCredentialService gcp) {
        this.targets = targets;
        this.aws = aws;
        this.gcp = gcp;
    }

    /**
     * Saves {@code target} in place of the one named {@code replaced}; null adds a new target,
     * whose name must be free. Renaming keeps what fedcred wrote under the old name in place.
     */
    public Target save(Target target, String replaced) {
        if (target instanceof GcpWorkloadTarget workload && workload.adcFile() != null) {
            TargetValidation.adcFileProblem(workload.adcFile(), aws.files()).ifPresent(problem -> {
                throw new FedcredException(problem);
            });
        }
        Optional<Target> before = replaced == null ? Optional.empty() : targets.find(replaced);
        targets.save(target, replaced);
        before.filter(old -> !old.equals(target)).ifPresent(this::forget);
        return target;
    }

    /**
     * Takes the target out of the settings and forgets its cached credentials.
     *
     * @param removeWritten also remove the profile or ADC file fedcred wrote for it; a file or
     *                      profile someone else wrote always stays
     */
    public Deletion delete(String name, boolean removeWritten) {
        Target target = targets.resolve(name);
        targets.remove(name);
        forget(target);
        return new Deletion(target, removeWritten ? removeWritten(target) : null);
    }

    /** @param writtenFiles what became of the profile or ADC file, for people; null when not asked */
    public record Deletion(Target target, String writtenFiles) {
    }

    private String removeWritten(Target target) {
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
            // the target is gone either way; what stays on disk is the user's to decide
            return "The credentials file stays as it is: " + e.getMessage();
        }
    }

    private void forget(Target target) {
        if (target instanceof AwsRoleTarget role) {
            aws.forget(role);
        } else if (target instanceof GcpWorkloadTarget workload) {
            gcp.forget(workload);
        }
    }
}
