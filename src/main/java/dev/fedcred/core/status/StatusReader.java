package dev.fedcred.core.status;

import dev.fedcred.core.FedcredException;
import dev.fedcred.core.oidc.IssuerConfig;
import dev.fedcred.core.session.IdentitySessions;
import dev.fedcred.core.issuers.IssuerRegistry;
import dev.fedcred.core.settings.Settings;
import dev.fedcred.core.settings.SettingsFileException;
import dev.fedcred.core.settings.SettingsStore;
import dev.fedcred.core.targets.Target;
import dev.fedcred.core.targets.TargetKinds;
import dev.fedcred.core.settings.TargetRegistry;
import dev.fedcred.core.text.OutsideText;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.function.Supplier;

/**
 * Reads a {@link StatusSnapshot} from fedcred's files through the same services the CLI uses.
 * File work: call it off any UI thread. A settings file that cannot be read still gives the
 * built-in sandbox issuer and targets, with the problem named. settings.json is read once per
 * snapshot, however many targets it lists.
 */
public final class StatusReader {
    private final SettingsStore settings;
    private final IssuerRegistry issuers;
    private final Supplier<IdentitySessions> sessions;
    private final TargetRegistry targets;
    private final TargetKinds kinds;

    public StatusReader(SettingsStore settings, IssuerRegistry issuers, Supplier<IdentitySessions> sessions,
                        TargetRegistry targets, TargetKinds kinds) {
        this.settings = settings;
        this.issuers = issuers;
        this.sessions = sessions;
        this.targets = targets;
        this.kinds = kinds;
    }

    public StatusSnapshot read() {
        String problem = null;
        Settings loaded;
        try {
            loaded = settings.load();
        } catch (SettingsFileException e) {
            // the store never writes over a file it cannot read; the sandbox needs no settings
            loaded = Settings.empty();
            problem = OutsideText.neutraliseKeepingLineBreaks(e.getMessage());
        }
        List<IssuerConfig> issuerConfigs = issuers.all(loaded);
        List<Target> targetList = targets.all(loaded);
        IdentitySessions signIns = sessions.get();
        List<StatusSnapshot.IssuerStatus> issuerStatus = issuerConfigs.stream()
                .map(issuer -> new StatusSnapshot.IssuerStatus(issuer, signIns.current(issuer.name()))).toList();
        List<TargetSnapshot> targetStatus = new ArrayList<>();
        for (Target target : targetList) {
            targetStatus.add(snapshot(target, loaded, targetList));
        }
        return new StatusSnapshot(issuerStatus, targetStatus, problem);
    }

    private TargetSnapshot snapshot(Target target, Settings loaded, List<Target> targetsRead) {
        String issuerName = null;
        String issuerProblem = null;
        try {
            issuerName = issuers.resolve(targets.issuerOf(target, targetsRead), loaded).name();
        } catch (FedcredException e) {
            issuerProblem = OutsideText.neutraliseKeepingLineBreaks(e.getMessage());
        }
        TargetKinds.Bound<?> kind = kinds.of(target);
        Path file = kind.credentialsFile();
        return new TargetSnapshot(target, kind.id(), targets.isBuiltIn(target.name()), issuerName, issuerProblem,
                kind.cachedExpiry().orElse(null), written(kind), file, kind.presentation(file));
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
