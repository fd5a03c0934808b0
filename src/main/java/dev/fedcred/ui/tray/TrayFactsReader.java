package dev.fedcred.ui.tray;

import dev.fedcred.FedcredContext;
import dev.fedcred.core.FedcredException;
import dev.fedcred.core.oidc.IssuerConfig;
import dev.fedcred.core.oidc.TokenSet;
import dev.fedcred.ui.TargetSnapshot;
import dev.fedcred.ui.TargetSnapshots;
import java.util.List;

/** Reads the tray's facts through the same core services the window uses. File work: off the FX and AWT threads. */
final class TrayFactsReader {
    static final String SETTINGS_PROBLEM = "Cannot read the settings; open fedcred to see why";

    private TrayFactsReader() {
    }

    static TrayFacts read(FedcredContext context) {
        String problem = null;
        List<IssuerConfig> issuers;
        List<TargetSnapshot> targets;
        try {
            issuers = context.issuers().all();
            targets = TargetSnapshots.read(context);
        } catch (FedcredException e) {
            // the window says which file and where; the sandbox needs no settings
            issuers = List.of(context.issuers().sandbox());
            targets = List.of();
            problem = SETTINGS_PROBLEM;
        }
        List<TrayFacts.IssuerSession> sessions = issuers.stream()
                .map(issuer -> new TrayFacts.IssuerSession(issuer.name(),
                        context.sessions().current(issuer.name()).map(TokenSet::expiresAt).orElse(null)))
                .toList();
        return new TrayFacts(sessions, targets, problem);
    }
}
