package dev.fedcred.core.session;

import dev.fedcred.core.secrets.KeychainUnavailableException;
import dev.fedcred.core.settings.SettingsStore;
import java.util.List;

/**
 * The "keep refresh tokens in the OS keychain" setting: what it is, whether the keychain answers,
 * and turning it on or off, which moves the refresh tokens already stored.
 */
public final class KeychainSetting {
    private final SettingsStore settings;
    private final TokenCache cache;

    public KeychainSetting(SettingsStore settings, TokenCache cache) {
        this.settings = settings;
        this.cache = cache;
    }

    /** The setting, the keychain's name and whether it answered; {@code problem} is null when it did. */
    public record Status(boolean on, String keychainName, String problem, String tokenFile, boolean heldInMemory) {
        public boolean answers() {
            return problem == null;
        }

        /** Where refresh tokens are kept now, as a sentence. */
        public String where() {
            if (!on) {
                return "Refresh tokens are kept in the token file " + tokenFile + " (readable only by you).";
            }
            if (answers() && !heldInMemory) {
                return "Refresh tokens are kept in the " + keychainName + "; the token file " + tokenFile + " has none.";
            }
            return "The " + keychainName + " does not answer, so refresh tokens are kept in memory only, for one run"
                    + " of fedcred, and never in the token file; renewing in a later run needs a browser sign-in.";
        }
    }

    /** The outcome of turning the setting on or off: the new status and the issuers whose refresh tokens could not move. */
    public record Change(Status status, List<String> notMoved, String reason) {
    }

    public RefreshTokenVault vault() {
        return cache.vault();
    }

    /** Asks the keychain whether it answers; may take up to the keychain's timeout, so never on a UI thread. */
    public Status status() {
        String problem;
        try {
            cache.vault().keychain().probe();
            problem = null;
        } catch (KeychainUnavailableException e) {
            problem = e.getMessage();
        }
        return new Status(settings.load().keychain(), cache.vault().keychain().name(), problem,
                cache.file().toString(), cache.vault().holdsInMemory());
    }

    /**
     * Turns the setting on and moves the refresh tokens from the file into the keychain.
     *
     * @throws KeychainUnavailableException when the keychain does not answer; the setting stays off
     */
    public Change turnOn() {
        cache.vault().keychain().probe();
        return change(true);
    }

    /** Turns the setting off and moves the refresh tokens from the keychain back into the file. */
    public Change turnOff() {
        return change(false);
    }

    private Change change(boolean on) {
        settings.update(current -> current.withKeychain(on));
        TokenCache.Relocation moved = cache.relocateRefreshTokens();
        return new Change(status(), moved.notMoved(), moved.reason());
    }
}
