package dev.fedcred.core.session;

import dev.fedcred.core.secrets.KeychainUnavailableException;
import dev.fedcred.core.settings.SettingsStore;
import java.util.List;
import java.util.Map;

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

    /**
     * The setting, the keychain's name and whether it answered ({@code problem} is null when it
     * did), and where each issuer's refresh token really is: a keychain that answers may still
     * have refused to store some, which then stayed in the token file.
     */
    public record Status(boolean on, String keychainName, String problem, String tokenFile, boolean heldInMemory,
                         Map<String, RefreshTokenPlace> places) {
        public Status {
            places = Map.copyOf(places);
        }

        public boolean answers() {
            return problem == null;
        }

        /** Where refresh tokens are kept now, as sentences; those not where the setting says are named. */
        public String where() {
            List<String> inFile = issuersWithTokenIn(RefreshTokenPlace.TOKEN_FILE);
            List<String> inKeychain = issuersWithTokenIn(RefreshTokenPlace.KEYCHAIN);
            if (!on) {
                return "Refresh tokens are kept in the token file " + tokenFile + " (readable only by you)."
                        + (inKeychain.isEmpty() ? "" : " The refresh tokens of " + String.join(", ", inKeychain)
                        + " are still in the " + keychainName + "; `fedcred keychain off` moves them once it answers.");
            }
            String stillInFile = " The refresh tokens of " + String.join(", ", inFile) + " are still in the token file "
                    + tokenFile + "; `fedcred keychain on` moves them once the " + keychainName + " takes them.";
            if (answers() && !heldInMemory) {
                return "Refresh tokens are kept in the " + keychainName
                        + (inFile.isEmpty() ? "; the token file " + tokenFile + " has none." : "." + stillInFile);
            }
            return "The " + keychainName + " does not answer, so refresh tokens are kept in memory only, for one run"
                    + " of fedcred, and never in the token file; renewing in a later run needs a browser sign-in."
                    + (inFile.isEmpty() ? "" : stillInFile);
        }

        private List<String> issuersWithTokenIn(RefreshTokenPlace place) {
            return places.entrySet().stream().filter(entry -> entry.getValue() == place).map(Map.Entry::getKey)
                    .sorted().toList();
        }
    }

    /** The outcome of turning the setting on or off: the new status and the issuers whose refresh tokens could not move. */
    public record Change(Status status, List<String> notMoved, String reason) {
        /** Which refresh tokens stayed where they were, and where that is; empty when all moved. */
        public String notMovedSentence() {
            if (notMoved.isEmpty()) {
                return "";
            }
            // turning on, they stay in the file; turning off, in the keychain
            String where = status.on() ? "the token file " + status.tokenFile() : "the " + status.keychainName();
            return "The refresh tokens of " + String.join(", ", notMoved) + " stayed in " + where + ": " + reason;
        }
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
                cache.file().toString(), cache.vault().holdsInMemory(), cache.refreshTokenPlaces());
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
