package dev.fedcred.ui.tray;

import dev.fedcred.core.oidc.TokenSet;
import dev.fedcred.core.status.StatusSnapshot;
import dev.fedcred.core.status.TargetSnapshot;
import java.time.Instant;
import java.util.List;

/**
 * What the tray knows about the sessions, from the window's {@link StatusSnapshot}: each
 * issuer's stored sign-in and each target's last credentials. No tokens, only expiries.
 *
 * @param problem why the settings could not be read, for people; null when they could
 */
public record TrayFacts(List<IssuerSession> issuers, List<TargetSnapshot> targets, String problem) {
    static final TrayFacts NONE = new TrayFacts(List.of(), List.of(), null);
    static final String SETTINGS_PROBLEM = "Cannot read the settings; open fedcred to see why";

    /** What the tray shows of the state the window shows too: expiries only, no tokens. */
    static TrayFacts of(StatusSnapshot snapshot) {
        List<IssuerSession> sessions = snapshot.issuers().stream()
                .map(status -> new IssuerSession(status.issuer().name(),
                        status.tokens().map(TokenSet::expiresAt).orElse(null)))
                .toList();
        // the window says which file and where
        return new TrayFacts(sessions, snapshot.targets(), snapshot.settingsProblem() == null ? null : SETTINGS_PROBLEM);
    }

    public TrayFacts {
        issuers = List.copyOf(issuers);
        targets = List.copyOf(targets);
    }

    /** @param idTokenExpiresAt when the stored ID token expires; null when there is no stored sign-in */
    public record IssuerSession(String name, Instant idTokenExpiresAt) {
    }
}
