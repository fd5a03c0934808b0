package dev.fedcred.core.signout;

import dev.fedcred.core.FedcredException;
import dev.fedcred.core.issuers.IssuerRegistry;
import dev.fedcred.core.targets.Target;
import dev.fedcred.core.settings.TargetRegistry;
import java.util.List;

/**
 * The targets that get their credentials with an issuer's ID token: named, or through the default,
 * or through a source target that does (a chained AWS role).
 */
public final class IssuerTargets {
    private final IssuerRegistry issuers;
    private final TargetRegistry targets;

    public IssuerTargets(IssuerRegistry issuers, TargetRegistry targets) {
        this.issuers = issuers;
        this.targets = targets;
    }

    public List<Target> of(String issuerName) {
        return targets.all().stream().filter(target -> signsInWith(target, issuerName)).toList();
    }

    private boolean signsInWith(Target target, String issuerName) {
        try {
            return issuers.resolve(targets.issuerOf(target)).name().equals(issuerName);
        } catch (FedcredException unknownIssuer) {
            return issuerName.equals(targets.issuerOf(target)); // its issuer is gone: the name is all there is
        }
    }
}
