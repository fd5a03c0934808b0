package dev.fedcred.core.secrets;

import java.io.File;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Optional;

/**
 * The freedesktop Secret Service (GNOME Keyring, or KWallet and KeePassXC where they offer it) through libsecret's
 * {@code secret-tool}: the secret goes in on standard input and comes back on standard output.
 * Items carry the attributes {@code application=fedcred} and {@code issuer=KEY}.
 */
public final class SecretServiceStore implements SecretStore {
    static final String NAME = "Secret Service keyring";
    private static final String TOOL = "secret-tool";

    private final Map<String, String> environment;
    private final SecretCommand command;

    public SecretServiceStore(Map<String, String> environment, Duration timeout) {
        this.environment = Map.copyOf(environment);
        this.command = new SecretCommand(NAME, environment, timeout);
    }

    @Override
    public String name() {
        return NAME;
    }

    @Override
    public void put(String key, String secret) {
        List<String> store = new ArrayList<>(List.of(tool(), "store", "--label=fedcred refresh token (" + key + ")"));
        store.addAll(attributes(key));
        SecretCommand.Result result = command.run(store, secret);
        if (!result.succeeded()) {
            throw failed("store a secret", result);
        }
    }

    @Override
    public Optional<String> get(String key) {
        List<String> lookup = new ArrayList<>(List.of(tool(), "lookup"));
        lookup.addAll(attributes(key));
        SecretCommand.Result result = command.run(lookup, "");
        if (result.succeeded()) {
            return Optional.of(result.out());
        }
        // secret-tool says nothing and exits 1 when the service answered that there is no such item
        if (result.err().isEmpty()) {
            return Optional.empty();
        }
        throw failed("look up a secret", result);
    }

    @Override
    public void delete(String key) {
        List<String> clear = new ArrayList<>(List.of(tool(), "clear"));
        clear.addAll(attributes(key));
        SecretCommand.Result result = command.run(clear, "");
        if (!result.succeeded() && !result.err().isEmpty()) {
            throw failed("delete a secret", result);
        }
    }

    private static List<String> attributes(String key) {
        return List.of("application", "fedcred", "issuer", key);
    }

    /** secret-tool from the PATH fedcred was given (the JDK would search its own PATH instead). */
    private String tool() {
        String path = environment.getOrDefault("PATH", "");
        for (String dir : path.split(File.pathSeparator)) {
            if (!dir.isEmpty() && Files.isExecutable(Path.of(dir, TOOL))) {
                return Path.of(dir, TOOL).toString();
            }
        }
        throw new KeychainUnavailableException("The " + NAME + " cannot be used: " + TOOL
                + " is not installed. Install it (Debian and Ubuntu: `sudo apt install libsecret-tools`).");
    }

    private static KeychainUnavailableException failed(String what, SecretCommand.Result result) {
        return new KeychainUnavailableException("The " + NAME + " could not " + what + " (" + result.reason()
                + "). Check that a keyring such as GNOME Keyring runs in your desktop session and is unlocked.");
    }
}
