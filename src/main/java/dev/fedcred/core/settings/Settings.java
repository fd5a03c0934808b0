package dev.fedcred.core.settings;

import dev.fedcred.core.oidc.IssuerConfig;
import dev.fedcred.core.targets.Target;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;
import java.util.function.Function;

/**
 * What the user configured: their own issuers and targets (the built-in sandbox ones are not
 * stored), which issuer a command uses when none is named, whether refresh tokens are kept
 * in the OS keychain rather than in the token file, and the desktop window's appearance.
 */
public record Settings(List<IssuerConfig> issuers, List<Target> targets, String defaultIssuer, boolean keychain,
                       Appearance appearance) {

    public Settings {
        issuers = List.copyOf(issuers);
        targets = List.copyOf(targets);
        appearance = appearance == null ? Appearance.SYSTEM : appearance;
    }

    public Settings(List<IssuerConfig> issuers, List<Target> targets, String defaultIssuer) {
        this(issuers, targets, defaultIssuer, false, Appearance.SYSTEM);
    }

    public static Settings empty() {
        return new Settings(List.of(), List.of(), null);
    }

    public Optional<IssuerConfig> issuer(String name) {
        return issuers.stream().filter(i -> i.name().equals(name)).findFirst();
    }

    public Optional<Target> target(String name) {
        return targets.stream().filter(t -> t.name().equals(name)).findFirst();
    }

    public Settings withIssuer(IssuerConfig issuer) {
        return new Settings(replaced(issuers, issuer, IssuerConfig::name), targets, defaultIssuer, keychain, appearance);
    }

    public Settings withoutIssuer(String name) {
        return new Settings(without(issuers, name, IssuerConfig::name), targets,
                name.equals(defaultIssuer) ? null : defaultIssuer, keychain, appearance);
    }

    /** Puts {@code target} where {@code replaced} was (a rename keeps its place), or appends it. */
    public Settings withTarget(Target target, String replaced) {
        List<Target> updated = new ArrayList<>(targets);
        updated.removeIf(entry -> entry.name().equals(target.name()) && !entry.name().equals(replaced));
        for (int i = 0; i < updated.size(); i++) {
            if (updated.get(i).name().equals(replaced)) {
                updated.set(i, target);
                return new Settings(issuers, updated, defaultIssuer, keychain, appearance);
            }
        }
        updated.add(target);
        return new Settings(issuers, updated, defaultIssuer, keychain, appearance);
    }

    public Settings withoutTarget(String name) {
        return new Settings(issuers, without(targets, name, Target::name), defaultIssuer, keychain, appearance);
    }

    public Settings withDefaultIssuer(String name) {
        return new Settings(issuers, targets, name, keychain, appearance);
    }

    public Settings withKeychain(boolean on) {
        return new Settings(issuers, targets, defaultIssuer, on, appearance);
    }

    public Settings withAppearance(Appearance chosen) {
        return new Settings(issuers, targets, defaultIssuer, keychain, chosen);
    }

    /** Replaces the entry of the same name in place, or appends. */
    private static <T> List<T> replaced(List<T> entries, T entry, Function<T, String> name) {
        List<T> updated = new ArrayList<>(entries);
        for (int i = 0; i < updated.size(); i++) {
            if (name.apply(updated.get(i)).equals(name.apply(entry))) {
                updated.set(i, entry);
                return updated;
            }
        }
        updated.add(entry);
        return updated;
    }

    private static <T> List<T> without(List<T> entries, String removed, Function<T, String> name) {
        List<T> updated = new ArrayList<>(entries);
        updated.removeIf(entry -> name.apply(entry).equals(removed));
        return updated;
    }
}
