package dev.fedcred.ui;

import dev.fedcred.FedcredContext;
import dev.fedcred.core.FedcredException;
import dev.fedcred.core.aws.AssumedRole;
import dev.fedcred.core.aws.profiles.ProfileState;
import dev.fedcred.core.gcp.GcpAccessToken;
import dev.fedcred.core.targets.AwsRoleTarget;
import dev.fedcred.core.targets.GcpWorkloadTarget;
import dev.fedcred.core.targets.Target;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;

/**
 * Reads what the window's targets section and the tray show about each target: its issuer, when
 * its last credentials expire, and whether they are in the file the tools read. File work: call
 * it off the FX thread.
 */
public final class TargetSnapshots {
    private TargetSnapshots() {
    }

    /** @throws FedcredException when the settings cannot be read */
    public static List<TargetSnapshot> read(FedcredContext context) {
        List<Target> targets = context.targets().all();
        Path credentialsFile = context.aws().files().credentialsFile();
        List<TargetSnapshot> snapshots = new ArrayList<>();
        for (Target target : targets) {
            String issuerName = null;
            String issuerProblem = null;
            try {
                issuerName = context.issuers().resolve(target.issuer()).name();
            } catch (FedcredException e) {
                issuerProblem = UserMessages.of(e);
            }
            Instant expiration = null;
            boolean profileInFile = false;
            Path file = credentialsFile;
            if (target instanceof AwsRoleTarget aws) {
                expiration = context.aws().cached(aws).map(AssumedRole::expiration).orElse(null);
                profileInFile = profileWritten(context, aws);
            } else if (target instanceof GcpWorkloadTarget gcp) {
                expiration = context.gcp().cached(gcp).map(GcpAccessToken::expiresAt).orElse(null);
                file = context.gcp().adcFile(gcp);
                profileInFile = Files.exists(file);
            }
            snapshots.add(new TargetSnapshot(target, context.targets().isBuiltIn(target.name()), issuerName,
                    issuerProblem, expiration, profileInFile, file));
        }
        return snapshots;
    }

    /** Whether Remove profile has anything to remove; a file that does not parse shows its error on Assume. */
    private static boolean profileWritten(FedcredContext context, AwsRoleTarget target) {
        try {
            return context.aws().profileState(target) != ProfileState.MISSING;
        } catch (FedcredException unreadable) {
            return false;
        }
    }
}
