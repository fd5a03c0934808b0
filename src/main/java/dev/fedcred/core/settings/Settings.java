package dev.fedcred.core.settings;

import dev.fedcred.core.oidc.IssuerConfig;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;

/**
 * What the user configured: their own issuers (the built-in sandbox is not stored) and which
 * issuer a command uses when none is named.
 */
public record Settings(List<IssuerConfig> issuers, String defaultIssuer) {

    public Settings {
        issuers = List.copyOf(issuers);
    }

    public static Settings empty() {
        return new Settings(List.of(), null);
    }

    public Optional<IssuerConfig> issuer(String name) {
        return issuers.stream().filter(i -> i.name().equals(name)).findFirst();
    }

    public Settings withIssuer(IssuerConfig issuer) {
        List<IssuerConfig> updated = new ArrayList<>(issuers);
        updated.removeIf(existing -> existing.name().equals(issuer.name()));
        updated.add(issuer);
        return new Settings(updated, defaultIssuer);
    }

    public Settings withoutIssuer(String name) {
        List<IssuerConfig> updated = new ArrayList<>(issuers);
        updated.removeIf(existing -> existing.name().equals(name));
        return new Settings(updated, name.equals(defaultIssuer) ? null : defaultIssuer);
    }

    public Settings withDefaultIssuer(String name) {
        return new Settings(issuers, name);
    }
}
