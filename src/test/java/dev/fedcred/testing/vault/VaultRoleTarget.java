package dev.fedcred.testing.vault;

import dev.fedcred.core.targets.Target;
import java.nio.file.Path;

/**
 * A target of a kind fedcred does not ship, defined only in test code: a Vault role whose token is
 * written to a file, reached through another of the user's targets. Proves a kind is a package
 * plus one registration.
 *
 * @param tokenFile    null means the kind's default file
 * @param sourceTarget another target's name; null for none
 */
public record VaultRoleTarget(String name, String role, Path tokenFile, String sourceTarget, String issuer)
        implements Target {

    @Override
    public String destination() {
        return "Vault token " + (tokenFile == null ? "(default file)" : tokenFile.toString());
    }
}
