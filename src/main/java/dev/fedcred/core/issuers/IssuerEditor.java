package dev.fedcred.core.issuers;

import dev.fedcred.core.FedcredException;
import dev.fedcred.core.oidc.IssuerConfig;
import dev.fedcred.core.session.IdentitySessions;
import dev.fedcred.core.settings.Settings;
import dev.fedcred.core.settings.SettingsStore;
import dev.fedcred.core.targets.Target;
import java.util.List;
import java.util.Set;
import java.util.function.Supplier;
import java.util.stream.Collectors;

/**
 * Adds, changes, renames and removes the user's issuers, for the CLI and the desktop window
 * alike. An issuer that goes takes its sign-in with it: the tokens kept under its name would
 * otherwise outlive it (and sign in a later issuer that takes the name).
 */
public final class IssuerEditor {
    private final SettingsStore store;
    /** Built only when a sign-in has to be forgotten. */
    private final Supplier<IdentitySessions> sessions;

    public IssuerEditor(SettingsStore store, Supplier<IdentitySessions> sessions) {
        this.store = store;
        this.sessions = sessions;
    }

    /** Adds a new issuer; its name must be free. */
    public IssuerConfig add(IssuerConfig issuer) {
        IssuerValidation.validate(issuer, names(store.load()));
        store.update(settings -> settings.withIssuer(issuer));
        return issuer;
    }

    /** Adds {@code issuer}, or puts it in place of the issuer of the same name (keeping that one's sign-in). */
    public IssuerConfig addOrReplace(IssuerConfig issuer) {
        IssuerValidation.validate(issuer, Set.of());
        store.update(settings -> settings.withIssuer(issuer));
        return issuer;
    }

    /**
     * Puts {@code issuer} in place of the one named {@code before}. A new name is a new issuer:
     * the old one goes and is signed out, and stays the default if it was.
     */
    public IssuerConfig change(String before, IssuerConfig issuer) {
        Settings settings = store.load();
        requireUserIssuer(settings, before);
        boolean renamed = !before.equals(issuer.name());
        Set<String> others = names(settings).stream().filter(name -> !name.equals(before)).collect(Collectors.toSet());
        IssuerValidation.validate(issuer, others);
        if (renamed) {
            requireNoTargets(settings, before);
        }
        store.update(current -> {
            Settings changed = current.withoutIssuer(before).withIssuer(issuer);
            return renamed && before.equals(current.defaultIssuer()) ? changed.withDefaultIssuer(issuer.name()) : changed;
        });
        if (renamed) {
            sessions.get().signOut(before);
        }
        return issuer;
    }

    /** Removes the issuer and forgets its sign-in; refused while a target still signs in with it. */
    public void remove(String name) {
        Settings settings = store.load();
        requireUserIssuer(settings, name);
        requireNoTargets(settings, name);
        store.update(current -> current.withoutIssuer(name));
        sessions.get().signOut(name);
    }

    private static void requireUserIssuer(Settings settings, String name) {
        if (IssuerRegistry.SANDBOX.equals(name)) {
            throw new FedcredException("The sandbox issuer is built in and cannot be changed or removed.");
        }
        if (settings.issuer(name).isEmpty()) {
            throw new FedcredException("There is no issuer named \"" + name + "\". See `fedcred issuers list`.");
        }
    }

    private static void requireNoTargets(Settings settings, String name) {
        List<String> users = settings.targets().stream()
                .filter(target -> name.equals(target.issuer())).map(Target::name).toList();
        if (!users.isEmpty()) {
            throw new FedcredException("The issuer \"" + name + "\" signs in for the targets " + users
                    + "; remove those targets or point them at another issuer first.");
        }
    }

    private static Set<String> names(Settings settings) {
        return settings.issuers().stream().map(IssuerConfig::name).collect(Collectors.toSet());
    }
}
