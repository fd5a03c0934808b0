package dev.fedcred.core.signout;

import dev.fedcred.core.editing.TargetCredentials;
import dev.fedcred.core.session.IdentitySessions;
import dev.fedcred.core.targets.Target;
import java.util.ArrayList;
import java.util.List;
import java.util.Objects;
import java.util.function.Supplier;

/**
 * Signing out of an issuer, for the CLI's logout and the window's Sign out: its tokens go, the
 * credentials cached for its targets are forgotten ({@link ForgetCredentialsOnSignOut}), and on
 * request the profiles and ADC files fedcred wrote for those targets are removed too, so nothing
 * fedcred handed out keeps working from its files.
 */
public final class SignOut {
    private final IdentitySessions sessions;
    private final IssuerTargets issuerTargets;
    private final Supplier<TargetCredentials> credentials;

    public SignOut(IdentitySessions sessions, IssuerTargets issuerTargets, Supplier<TargetCredentials> credentials) {
        this.sessions = sessions;
        this.issuerTargets = issuerTargets;
        this.credentials = credentials;
    }

    /**
     * @param wasSignedIn whether there were tokens to forget
     * @param removed     what became of each written profile or ADC file, for people; empty when not asked
     */
    public record Result(boolean wasSignedIn, List<String> removed) {
    }

    /** @param removeWritten also remove the profiles and ADC files fedcred wrote for the issuer's targets */
    public Result signOut(String issuerName, boolean removeWritten) {
        boolean wasSignedIn = sessions.signOut(issuerName);
        List<String> removed = new ArrayList<>();
        if (removeWritten) {
            for (Target target : issuerTargets.of(issuerName)) {
                removed.add(credentials.get().removeWritten(target));
            }
        }
        removed.removeIf(Objects::isNull);
        return new Result(wasSignedIn, List.copyOf(removed));
    }

    /** The targets whose credentials a sign-out of the issuer forgets, e.g. to name them in a question. */
    public List<Target> targetsOf(String issuerName) {
        return issuerTargets.of(issuerName);
    }
}
