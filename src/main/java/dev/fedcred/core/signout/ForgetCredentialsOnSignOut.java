package dev.fedcred.core.signout;

import dev.fedcred.core.editing.TargetCredentials;
import dev.fedcred.core.oidc.TokenSet;
import dev.fedcred.core.session.IdentitySessions;
import java.util.function.Supplier;

/**
 * Every sign-out, whoever asks for it (logout, the window's Sign out, removing or renaming an
 * issuer), forgets the credentials cached for that issuer's targets: credential-process and
 * print-access-token would otherwise go on handing them out after the user signed out.
 */
public final class ForgetCredentialsOnSignOut implements IdentitySessions.Listener {
    private final IssuerTargets issuerTargets;
    /** A supplier: the credential services are built on first use, after the sessions they depend on. */
    private final Supplier<TargetCredentials> credentials;

    public ForgetCredentialsOnSignOut(IssuerTargets issuerTargets, Supplier<TargetCredentials> credentials) {
        this.issuerTargets = issuerTargets;
        this.credentials = credentials;
    }

    @Override
    public void tokensSaved(TokenSet tokens) {
        // nothing to forget
    }

    @Override
    public void signedOut(String issuerName) {
        issuerTargets.of(issuerName).forEach(credentials.get()::forgetCached);
    }
}
