package dev.fedcred.core.issuers;

import dev.fedcred.core.oidc.IssuerConfig;
import dev.fedcred.core.oidc.IssuerKind;
import dev.fedcred.core.oidc.RedirectSpec;
import java.net.URI;
import java.net.URISyntaxException;
import java.util.List;

/**
 * An issuer as a user gave it, before the rules in {@link IssuerValidation} have looked at it:
 * what the CLI's options or the dialog's fields hold once their text is read.
 *
 * @param issuerUrl   ignored for Google, whose issuer is fixed; null when none was given
 * @param scopes      null for the default scopes; an empty list is a choice, and a wrong one
 * @param redirectUri the fixed redirect a "Web application" client registered; null for any free port
 */
public record IssuerDraft(IssuerKind kind, String name, URI issuerUrl, String clientId, String clientSecret,
                          List<String> scopes, URI redirectUri) {

    /** The draft {@code issuer} would have come from, to check an issuer built elsewhere by the same rules. */
    public static IssuerDraft of(IssuerConfig issuer) {
        return new IssuerDraft(issuer.kind(), issuer.name(), issuer.issuer(), issuer.clientId(),
                issuer.clientSecret(), issuer.scopes(), redirectUri(issuer.redirect()));
    }

    /** The URI a fixed redirect was registered as; null for any free port. */
    public static URI redirectUri(RedirectSpec redirect) {
        if (redirect.anyFreePort()) {
            return null;
        }
        try {
            return new URI("http", null, "127.0.0.1", redirect.port(), redirect.path(), null, null);
        } catch (URISyntaxException e) {
            throw new IllegalArgumentException("Redirect path '" + redirect.path() + "' is not a URI path", e);
        }
    }
}
