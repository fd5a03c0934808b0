package dev.fedcred.ui.tray;

import dev.fedcred.ui.TargetSnapshot;
import java.time.Instant;
import java.util.List;

/**
 * What the tray knows about the sessions, read off the FX thread and the AWT event thread: each
 * issuer's stored sign-in and each target's last credentials. No tokens, only expiries.
 *
 * @param problem why the settings could not be read, for people; null when they could
 */
public record TrayFacts(List<IssuerSession> issuers, List<TargetSnapshot> targets, String problem) {
    static final TrayFacts NONE = new TrayFacts(List.of(), List.of(), null);

    public TrayFacts {
        issuers = List.copyOf(issuers);
        targets = List.copyOf(targets);
    }

    /** @param idTokenExpiresAt when the stored ID token expires; null when there is no stored sign-in */
    public record IssuerSession(String name, Instant idTokenExpiresAt) {
    }
}
