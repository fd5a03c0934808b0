package dev.fedcred.core.secrets;

import java.time.Duration;
import java.util.Locale;
import java.util.Map;
import java.util.Optional;

/** Picks the keychain of the operating system fedcred runs on. */
public final class SecretStores {
    /** Long enough for a busy keyring daemon, short enough that a hidden unlock prompt does not stall a command. */
    public static final Duration TIMEOUT = Duration.ofSeconds(5);

    private SecretStores() {
    }

    public static SecretStore forSystem(String osName, Map<String, String> environment) {
        String os = osName.toLowerCase(Locale.ROOT);
        if (os.startsWith("windows")) {
            return new WindowsCredentialStore();
        }
        if (os.startsWith("mac")) {
            return new MacKeychainStore(environment, TIMEOUT);
        }
        if (os.contains("linux") || os.contains("bsd")) {
            return new SecretServiceStore(environment, TIMEOUT);
        }
        return new NoKeychain(osName);
    }

    /** No keychain at all: for a token cache that keeps refresh tokens in its file and never asks one. */
    public static SecretStore none() {
        return new NoKeychain("this system");
    }

    /** An operating system fedcred knows no keychain for. */
    static final class NoKeychain implements SecretStore {
        private final String osName;

        NoKeychain(String osName) {
            this.osName = osName;
        }

        @Override
        public String name() {
            return "OS keychain";
        }

        @Override
        public void probe() {
            throw new KeychainUnavailableException("fedcred knows no keychain on " + osName + ".");
        }

        @Override
        public void put(String key, String secret) {
            probe();
        }

        @Override
        public Optional<String> get(String key) {
            probe();
            return Optional.empty();
        }

        @Override
        public void delete(String key) {
            probe();
        }
    }
}
