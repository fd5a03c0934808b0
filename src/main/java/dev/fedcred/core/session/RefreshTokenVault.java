package dev.fedcred.core.session;

import dev.fedcred.core.secrets.KeychainUnavailableException;
import dev.fedcred.core.secrets.SecretStore;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.CopyOnWriteArrayList;
import java.util.concurrent.atomic.AtomicReference;
import java.util.function.BooleanSupplier;
import java.util.function.Consumer;

/**
 * Where refresh tokens live apart from the token file: the OS keychain when the setting is on,
 * or, when the setting is on but the keychain does not answer, this process's memory (never the
 * file: the user asked for it not to be there). The first time the keychain fails, listeners are
 * told once what happened and what it means.
 */
public final class RefreshTokenVault {
    private final SecretStore keychain;
    private final BooleanSupplier keychainOn;
    private final Map<String, String> memory = new ConcurrentHashMap<>();
    private final AtomicReference<String> unavailable = new AtomicReference<>();
    private final List<Consumer<String>> listeners = new CopyOnWriteArrayList<>();

    public RefreshTokenVault(SecretStore keychain, BooleanSupplier keychainOn) {
        this.keychain = keychain;
        this.keychainOn = keychainOn;
    }

    /** Where a refresh token went: the text for the file (null when it is not kept there), and whether the keychain holds it. */
    record Kept(String inFile, boolean inKeychain) {
        static final Kept NOTHING = new Kept(null, false);
    }

    public SecretStore keychain() {
        return keychain;
    }

    public boolean keychainOn() {
        return keychainOn.getAsBoolean();
    }

    /** Called once, with the message, the first time the keychain does not answer in this process. */
    public void onKeychainUnavailable(Consumer<String> listener) {
        listeners.add(listener);
        String said = unavailable.get();
        if (said != null) {
            listener.accept(said);
        }
    }

    /** What the keychain's first failure in this process said, if it failed. */
    public Optional<String> unavailableNotice() {
        return Optional.ofNullable(unavailable.get());
    }

    /** Whether this process holds refresh tokens only in memory, because the keychain did not answer. */
    public boolean holdsInMemory() {
        return !memory.isEmpty();
    }

    boolean holdsInMemory(String issuerName) {
        return memory.containsKey(issuerName);
    }

    Kept keep(String issuerName, String refreshToken) {
        memory.remove(issuerName);
        if (refreshToken == null || refreshToken.isBlank()) {
            return Kept.NOTHING;
        }
        if (!keychainOn()) {
            return new Kept(refreshToken, false);
        }
        try {
            keychain.put(issuerName, refreshToken);
            return new Kept(null, true);
        } catch (KeychainUnavailableException e) {
            memory.put(issuerName, refreshToken);
            tell(e.getMessage() + " Until it answers, fedcred keeps refresh tokens in memory for this run only,"
                    + " not in the token file; later runs will need a browser sign-in.");
            return new Kept(null, false);
        }
    }

    Optional<String> recall(String issuerName, boolean inKeychain) {
        String held = memory.get(issuerName);
        if (held != null || !inKeychain) {
            return Optional.ofNullable(held);
        }
        try {
            return keychain.get(issuerName);
        } catch (KeychainUnavailableException e) {
            tell(e.getMessage() + " Without the refresh token there, renewing a session needs a browser sign-in.");
            return Optional.empty();
        }
    }

    /** Forgets an issuer's refresh token everywhere it may be: memory, and the keychain when it is or may be there. */
    void forget(String issuerName, boolean inKeychain) {
        memory.remove(issuerName);
        if (!inKeychain && !keychainOn()) {
            return;
        }
        try {
            keychain.delete(issuerName);
        } catch (KeychainUnavailableException e) {
            tell(e.getMessage() + " The refresh token of " + issuerName + " may still be in it; remove it there.");
        }
    }

    private void tell(String message) {
        if (unavailable.compareAndSet(null, message)) {
            listeners.forEach(listener -> listener.accept(message));
        }
    }
}
