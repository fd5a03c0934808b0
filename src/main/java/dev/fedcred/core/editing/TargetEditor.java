package dev.fedcred.core.editing;

import dev.fedcred.core.FedcredException;
import dev.fedcred.core.targets.Target;
import dev.fedcred.core.targets.TargetKinds;
import dev.fedcred.core.settings.TargetRegistry;
import dev.fedcred.core.targets.TargetValidation;
import java.util.Optional;

/**
 * Adds, changes and deletes the user's targets, for the CLI and the desktop window alike. The
 * credentials fedcred cached for a target are forgotten when it changes or goes, so
 * credential-process never hands out credentials of a role the target no longer names.
 */
public final class TargetEditor {
    private final TargetRegistry targets;
    private final TargetKinds kinds;
    private final TargetCredentials credentials;

    public TargetEditor(TargetRegistry targets, TargetKinds kinds) {
        this.targets = targets;
        this.kinds = kinds;
        this.credentials = new TargetCredentials(kinds);
    }

    /**
     * Saves {@code target} in place of the one named {@code replaced}; null adds a new target,
     * whose name must be free. Renaming keeps what fedcred wrote under the old name in place.
     */
    public Target save(Target target, String replaced) {
        TargetValidation.firstProblem(kinds.of(target).problemsOnDisk());
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
        return new Deletion(target, removeWritten ? credentials.removeWritten(target) : null);
    }

    /** @param writtenFiles what became of the profile or ADC file, for people; null when not asked */
    public record Deletion(Target target, String writtenFiles) {
    }

    private void forget(Target target) {
        credentials.forgetCached(target);
    }
}
