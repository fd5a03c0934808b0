package dev.fedcred.core.editing;

import dev.fedcred.core.FedcredException;
import dev.fedcred.core.targets.Target;
import dev.fedcred.core.targets.TargetKinds;

/**
 * What fedcred keeps for a target: the credentials it cached (which credential-process and
 * print-access-token hand out) and the profile or ADC file it wrote. Deleting a target and
 * signing out both let go of them here, through the target's kind.
 */
public final class TargetCredentials {
    private final TargetKinds kinds;

    public TargetCredentials(TargetKinds kinds) {
        this.kinds = kinds;
    }

    /** Forgets the cached credentials, so nothing answers from the cache until new ones are fetched. */
    public void forgetCached(Target target) {
        kinds.of(target).forget();
    }

    /**
     * Removes what fedcred wrote for the target; what someone else wrote always stays. Returns what
     * became of it, for people (never an exception: what stays on disk is the user's to decide).
     */
    public String removeWritten(Target target) {
        try {
            return kinds.of(target).removeWritten().notice();
        } catch (FedcredException e) {
            return "The credentials file stays as it is: " + e.getMessage();
        }
    }
}
