package dev.fedcred.sandbox;

import java.time.Duration;
import java.util.Objects;

/**
 * How a {@link SandboxServer} is started.
 *
 * @param port            TCP port on 127.0.0.1; 0 picks any free port (what tests use)
 * @param autoApprove     skip the sign-in page and redirect with a code at once (for scripted runs)
 * @param idTokenLifetime {@code exp - iat} of every ID token; short values let a user watch the
 *                        client's refresh logic without waiting an hour
 */
public record SandboxOptions(int port, boolean autoApprove, Duration idTokenLifetime) {

    public SandboxOptions {
        if (port < 0 || port > 65_535) {
            throw new IllegalArgumentException("port must be 0..65535, was " + port);
        }
        Objects.requireNonNull(idTokenLifetime, "idTokenLifetime");
        // JWT times are whole seconds, so anything shorter than one second would mint
        // a token that is already expired when iat == exp.
        if (idTokenLifetime.compareTo(Duration.ofSeconds(1)) < 0) {
            throw new IllegalArgumentException("idTokenLifetime must be at least 1 second, was " + idTokenLifetime);
        }
    }

    /** Port {@value SandboxServer#DEFAULT_PORT}, sign-in page shown, ID tokens valid for one hour (as Google's). */
    public static SandboxOptions defaults() {
        return new SandboxOptions(SandboxServer.DEFAULT_PORT, false, Duration.ofHours(1));
    }

    public SandboxOptions withPort(int newPort) {
        return new SandboxOptions(newPort, autoApprove, idTokenLifetime);
    }

    public SandboxOptions withAutoApprove(boolean newAutoApprove) {
        return new SandboxOptions(port, newAutoApprove, idTokenLifetime);
    }

    public SandboxOptions withIdTokenLifetime(Duration newLifetime) {
        return new SandboxOptions(port, autoApprove, newLifetime);
    }
}
