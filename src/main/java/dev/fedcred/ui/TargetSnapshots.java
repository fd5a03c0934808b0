package dev.fedcred.ui;

import dev.fedcred.FedcredContext;
import dev.fedcred.core.FedcredException;
import dev.fedcred.core.targets.Target;
import dev.fedcred.core.targets.TargetKinds;
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
        List<TargetSnapshot> snapshots = new ArrayList<>();
        for (Target target : context.targets().all()) {
            String issuerName = null;
            String issuerProblem = null;
            try {
                issuerName = context.issuers().resolve(target.issuer()).name();
            } catch (FedcredException e) {
                issuerProblem = e.getMessage();
            }
            TargetKinds.Bound<?> kind = context.kinds().of(target);
            Instant expiration = kind.cachedExpiry().orElse(null);
            snapshots.add(new TargetSnapshot(target, kind.id(), context.targets().isBuiltIn(target.name()), issuerName,
                    issuerProblem, expiration, written(kind), kind.credentialsFile()));
        }
        return snapshots;
    }

    /** Whether Remove has anything to remove; a file that does not parse shows its error on Assume. */
    private static boolean written(TargetKinds.Bound<?> kind) {
        try {
            return kind.writtenByFedcred();
        } catch (FedcredException unreadable) {
            return false;
        }
    }
}
