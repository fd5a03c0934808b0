package dev.fedcred.core.secrets;

import java.util.Optional;

/**
 * The operating system's store for secrets (a keychain), keyed by a name such as an issuer's.
 * Every method throws {@link KeychainUnavailableException} when the keychain does not answer;
 * its message names the keychain and what to do, and never carries the secret.
 */
public interface SecretStore {
    /** What the user knows this keychain as, for messages: "macOS Keychain", ... */
    String name();

    /** An item nobody stores: looking it up asks the keychain without unlocking or changing anything. */
    String PROBE_KEY = "fedcred-keychain-probe";

    /** Throws {@link KeychainUnavailableException} unless the keychain answers right now. */
    default void probe() {
        get(PROBE_KEY);
    }

    void put(String key, String secret);

    Optional<String> get(String key);

    /** Removes the secret if there is one; a missing one is not an error. */
    void delete(String key);
}
