package dev.fedcred.core.oidc;

import java.net.URI;
import java.util.List;
import java.util.Objects;

/**
 * One OpenID Connect provider fedcred signs in with. The client secret is optional: Google
 * "Desktop" clients need one at the token endpoint even with PKCE, but in an installed app it
 * is not a secret (RFC 8252, section 8.5), so it is stored in the settings like the client ID.
 */
public record IssuerConfig(
        String name,
        IssuerKind kind,
        URI issuer,
        String clientId,
        String clientSecret,
        List<String> scopes,
        RedirectSpec redirect) {

    public static final List<String> DEFAULT_SCOPES = List.of("openid", "email", "profile");

    public IssuerConfig {
        Objects.requireNonNull(name, "name");
        Objects.requireNonNull(kind, "kind");
        Objects.requireNonNull(issuer, "issuer");
        Objects.requireNonNull(clientId, "clientId");
        scopes = scopes == null || scopes.isEmpty() ? DEFAULT_SCOPES : List.copyOf(scopes);
        redirect = redirect == null ? RedirectSpec.ANY_FREE_PORT : redirect;
        if (clientSecret != null && clientSecret.isBlank()) {
            clientSecret = null;
        }
    }

    public boolean isSandbox() {
        return kind == IssuerKind.SANDBOX;
    }

    /** The display name, with the sandbox labelled as such wherever it shows. */
    public String label() {
        return isSandbox() ? name + " (sandbox)" : name;
    }

    @Override
    public String toString() {
        return "IssuerConfig[name=" + name + ", kind=" + kind + ", issuer=" + issuer + ", clientId=" + clientId
                + ", clientSecret=" + (clientSecret == null ? "none" : "set") + ", scopes=" + scopes
                + ", redirect=" + redirect + "]";
    }
}
