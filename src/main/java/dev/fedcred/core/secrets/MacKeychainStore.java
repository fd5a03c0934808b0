package dev.fedcred.core.secrets;

import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.util.HexFormat;
import java.util.List;
import java.util.Map;
import java.util.Optional;

/**
 * The macOS login keychain through {@code /usr/bin/security}: a generic password with service
 * {@code fedcred} and the key as its account. {@code security add-generic-password -w SECRET}
 * would show the secret to `ps`, so the add command goes to {@code security -i} (interactive
 * mode, which reads commands from standard input) with the secret as hex ({@code -X}), which
 * needs no quoting. Written from Apple's security(1) manual; not run on macOS by fedcred's tests.
 */
public final class MacKeychainStore implements SecretStore {
    static final String NAME = "macOS Keychain";
    private static final String SECURITY = "/usr/bin/security";
    private static final String SERVICE = "fedcred";
    /** security's exit code for "The specified item could not be found in the keychain." */
    private static final int NOT_FOUND = 44;

    private final String security;
    private final SecretCommand command;

    public MacKeychainStore(Map<String, String> environment, Duration timeout) {
        this(SECURITY, environment, timeout);
    }

    /** With another {@code security} program, for tests that check what it is given. */
    MacKeychainStore(String security, Map<String, String> environment, Duration timeout) {
        this.security = security;
        this.command = new SecretCommand(NAME, environment, timeout);
    }

    @Override
    public String name() {
        return NAME;
    }

    @Override
    public void put(String key, String secret) {
        String hex = HexFormat.of().formatHex(secret.getBytes(StandardCharsets.UTF_8));
        // -U updates an existing item instead of failing on a duplicate
        String add = "add-generic-password -U -s " + SERVICE + " -a " + quoted(key) + " -X " + hex + "\n";
        SecretCommand.Result result = command.run(List.of(security, "-i"), add);
        // interactive mode reports a failed command on stderr and may still exit 0
        if (!result.succeeded() || !result.err().isEmpty()) {
            // not its stderr: it might echo the command, and with it the secret
            throw new KeychainUnavailableException("The " + NAME + " could not store a secret."
                    + " Unlock your login keychain (Keychain Access) and try again.");
        }
    }

    @Override
    public Optional<String> get(String key) {
        SecretCommand.Result result = command.run(
                List.of(security, "find-generic-password", "-s", SERVICE, "-a", key, "-w"), "");
        if (result.succeeded()) {
            return Optional.of(result.out().strip());
        }
        if (result.exitCode() == NOT_FOUND) {
            return Optional.empty();
        }
        throw failed("look up a secret", result);
    }

    @Override
    public void delete(String key) {
        SecretCommand.Result result = command.run(
                List.of(security, "delete-generic-password", "-s", SERVICE, "-a", key), "");
        if (!result.succeeded() && result.exitCode() != NOT_FOUND) {
            throw failed("delete a secret", result);
        }
    }

    /** security -i splits its input on blanks and honours double quotes with backslash escapes. */
    private static String quoted(String value) {
        return "\"" + value.replace("\\", "\\\\").replace("\"", "\\\"") + "\"";
    }

    private static KeychainUnavailableException failed(String what, SecretCommand.Result result) {
        return new KeychainUnavailableException("The " + NAME + " could not " + what + " (" + result.reason()
                + "). Unlock your login keychain (Keychain Access) and try again.");
    }
}
