package dev.fedcred.testing;

import dev.fedcred.core.secrets.KeychainUnavailableException;
import dev.fedcred.core.secrets.SecretStore;
import java.util.Map;
import java.util.Optional;
import java.util.concurrent.ConcurrentHashMap;

/** A keychain in a map, which a test can make stop answering, as a locked or missing one would. */
public final class InMemorySecretStore implements SecretStore {
    public static final String NOT_ANSWERING = "The test keychain does not answer.";

    private final Map<String, String> secrets = new ConcurrentHashMap<>();
    private volatile boolean answers = true;
    private int failures;

    public void stopAnswering() {
        answers = false;
    }

    public void answerAgain() {
        answers = true;
    }

    public Map<String, String> contents() {
        return Map.copyOf(secrets);
    }

    public synchronized int failures() {
        return failures;
    }

    @Override
    public String name() {
        return "test keychain";
    }

    @Override
    public void probe() {
        if (!answers) {
            synchronized (this) {
                failures++;
            }
            throw new KeychainUnavailableException(NOT_ANSWERING);
        }
    }

    @Override
    public void put(String key, String secret) {
        probe();
        secrets.put(key, secret);
    }

    @Override
    public Optional<String> get(String key) {
        probe();
        return Optional.ofNullable(secrets.get(key));
    }

    @Override
    public void delete(String key) {
        probe();
        secrets.remove(key);
    }
}
