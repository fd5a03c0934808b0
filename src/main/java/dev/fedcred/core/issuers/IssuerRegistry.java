package dev.fedcred.core.issuers;

import dev.fedcred.core.FedcredException;
import dev.fedcred.core.oidc.IssuerConfig;
import dev.fedcred.core.oidc.IssuerKind;
import dev.fedcred.core.oidc.RedirectSpec;
import dev.fedcred.core.settings.Settings;
import dev.fedcred.core.settings.SettingsStore;
import java.net.URI;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;

/**
 * The issuers a user can sign in with: their own from the settings, plus the built-in
 * {@code sandbox} that points at fedcred's loopback emulator, so a first sign-in needs no
 * configuration at all. Changes go through {@link IssuerEditor}.
 */
public final class IssuerRegistry {
    public static final String SANDBOX = "sandbox";
    public static final String SANDBOX_CLIENT_ID = "fedcred-sandbox";

    private final SettingsStore store;
    private final IssuerConfig sandbox;

    public IssuerRegistry(SettingsStore store, URI sandboxIssuer) {
        this.store = store;
        this.sandbox = sandbox(sandboxIssuer);
    }

    /** The built-in issuer of the sandbox listening at {@code issuerUrl}. */
    public static IssuerConfig sandbox(URI issuerUrl) {
        return new IssuerConfig(SANDBOX, IssuerKind.SANDBOX, issuerUrl, SANDBOX_CLIENT_ID, null,
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
        return all(store.load());
    }

    /** The issuers of already loaded settings, then the sandbox: for reading many things from one load. */
    public List<IssuerConfig> all(Settings settings) {
        List<IssuerConfig> all = new ArrayList<>(settings.issuers());
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
        return resolve(name, store.load());
    }

    /** As {@link #resolve(String)}, against already loaded settings. */
    public IssuerConfig resolve(String name, Settings settings) {
        String wanted = name != null ? name : settings.defaultIssuer();
        if (wanted == null) {
            return settings.issuers().isEmpty() ? sandbox : settings.issuers().get(0);
        }
        return all(settings).stream().filter(issuer -> issuer.name().equals(wanted)).findFirst().orElseThrow(() -> new FedcredException("There is no issuer named \"" + wanted
                + "\". See `fedcred issuers list`, or add it with `fedcred issuers add`."));
    }
}
