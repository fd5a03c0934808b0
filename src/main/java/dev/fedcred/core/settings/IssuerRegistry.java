package dev.fedcred.core.settings;

import dev.fedcred.core.text.OutsideText;
import dev.fedcred.core.FedcredException;
import dev.fedcred.core.oidc.IssuerConfig;
import dev.fedcred.core.oidc.IssuerKind;
import dev.fedcred.core.oidc.RedirectSpec;
import dev.fedcred.core.targets.Target;
import java.net.URI;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;
import java.util.regex.Pattern;

/**
 * The issuers a user can sign in with: their own from the settings, plus the built-in
 * {@code sandbox} that points at fedcred's loopback emulator, so a first sign-in needs no
 * configuration at all.
 */
public final class IssuerRegistry {
    public static final String SANDBOX = "sandbox";
    public static final String SANDBOX_CLIENT_ID = "fedcred-sandbox";

    private static final Pattern NAME = Pattern.compile("[A-Za-z0-9][A-Za-z0-9._-]{0,63}");

    private final SettingsStore store;
    private final IssuerConfig sandbox;

    public IssuerRegistry(SettingsStore store, URI sandboxIssuer) {
        this.store = store;
        this.sandbox = new IssuerConfig(SANDBOX, IssuerKind.SANDBOX, sandboxIssuer, SANDBOX_CLIENT_ID, null,
                IssuerConfig.DEFAULT_SCOPES, RedirectSpec.ANY_FREE_PORT);
    }

    /** Google as the walkthrough sets it up: the user only brings the OAuth client's ID and secret. */
    public static IssuerConfig google(String name, String clientId, String clientSecret, RedirectSpec redirect) {
        return new IssuerConfig(name, IssuerKind.GOOGLE, IssuerKind.GOOGLE_ISSUER, clientId, clientSecret,
                IssuerConfig.DEFAULT_SCOPES, redirect);
    }

    public IssuerConfig sandbox() {
        return sandbox;
    }

    /** The user's issuers, then the sandbox. */
    public List<IssuerConfig> all() {
        List<IssuerConfig> all = new ArrayList<>(store.load().issuers());
        all.add(sandbox);
        return all;
    }

    public boolean hasUserIssuers() {
        return !store.load().issuers().isEmpty();
    }

    public Optional<IssuerConfig> find(String name) {
        return all().stream().filter(issuer -> issuer.name().equals(name)).findFirst();
    }

    /** The named issuer, or with no name the default: the chosen one, else the first user issuer, else the sandbox. */
    public IssuerConfig resolve(String name) {
        Settings settings = store.load();
        String wanted = name != null ? name : settings.defaultIssuer();
        if (wanted == null) {
            return settings.issuers().isEmpty() ? sandbox : settings.issuers().get(0);
        }
        return find(wanted).orElseThrow(() -> new FedcredException("There is no issuer named \"" + wanted
                + "\". See `fedcred issuers list`, or add it with `fedcred issuers add`."));
    }

    public IssuerConfig add(IssuerConfig issuer) {
        validate(issuer);
        store.update(settings -> settings.withIssuer(issuer));
        return issuer;
    }

    public void remove(String name) {
        if (SANDBOX.equals(name)) {
            throw new FedcredException("The sandbox issuer is built in and cannot be removed.");
        }
        Settings settings = store.load();
        if (settings.issuer(name).isEmpty()) {
            throw new FedcredException("There is no issuer named \"" + name + "\". See `fedcred issuers list`.");
        }
        List<String> users = settings.targets().stream()
                .filter(target -> name.equals(target.issuer())).map(Target::name).toList();
        if (!users.isEmpty()) {
            throw new FedcredException("The issuer \"" + name + "\" signs in for the targets " + users
                    + "; remove those targets or point them at another issuer first.");
        }
        store.update(current -> current.withoutIssuer(name));
    }

    private static void validate(IssuerConfig issuer) {
        if (!NAME.matcher(issuer.name()).matches()) {
            throw new FedcredException(OutsideText.quoted(issuer.name()) + " is not a usable issuer name: use letters, digits,"
                    + " '.', '_' or '-', at most 64, starting with a letter or digit.");
        }
        if (SANDBOX.equals(issuer.name())) {
            throw new FedcredException("\"sandbox\" is the built-in sandbox issuer; choose another name.");
        }
        URI url = issuer.issuer();
        boolean https = "https".equals(url.getScheme()) && url.getHost() != null;
        boolean loopbackHttp = "http".equals(url.getScheme()) && isLoopback(url.getHost());
        if (!https && !loopbackHttp) {
            throw new FedcredException("The issuer URL " + url + " must use https (plain http is allowed only on"
                    + " 127.0.0.1 or localhost, for testing).");
        }
        if (url.getQuery() != null || url.getFragment() != null) {
            throw new FedcredException("The issuer URL " + url + " must not have a query or fragment.");
        }
        if (issuer.clientId().isBlank()) {
            throw new FedcredException("The issuer needs the OAuth client ID from the provider's console.");
        }
        if (!issuer.scopes().contains("openid")) {
            throw new FedcredException("The scopes must include \"openid\" to get an ID token.");
        }
    }

    private static boolean isLoopback(String host) {
        return "127.0.0.1".equals(host) || "localhost".equals(host) || "[::1]".equals(host);
    }
}
