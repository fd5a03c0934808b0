package dev.fedcred.core.status;

import dev.fedcred.core.oidc.IssuerConfig;
import dev.fedcred.core.oidc.TokenSet;
import java.util.List;
import java.util.Optional;

/**
 * What fedcred's files say at one moment: each issuer with its stored sign-in, each target with
 * its last credentials' expiry. The desktop window and the tray both show this one picture.
 *
 * @param settingsProblem why settings.json could not be read, for people; null when it could. The
 *                        built-in sandbox issuer and targets are there either way.
 */
public record StatusSnapshot(List<IssuerStatus> issuers, List<TargetSnapshot> targets, String settingsProblem) {
    public static final StatusSnapshot EMPTY = new StatusSnapshot(List.of(), List.of(), null);

    public StatusSnapshot {
        issuers = List.copyOf(issuers);
        targets = List.copyOf(targets);
    }

    public Optional<IssuerStatus> issuer(String name) {
        return issuers.stream().filter(status -> status.issuer().name().equals(name)).findFirst();
    }

    public Optional<TargetSnapshot> target(String name) {
        return targets.stream().filter(target -> target.target().name().equals(name)).findFirst();
    }

    /** @param tokens the verified token set stored for the issuer; empty when not signed in */
    public record IssuerStatus(IssuerConfig issuer, Optional<TokenSet> tokens) {
    }
}
