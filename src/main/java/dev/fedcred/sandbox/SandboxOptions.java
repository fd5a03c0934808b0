package dev.fedcred.sandbox;

import java.time.Duration;
import java.util.Collections;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Objects;

/**
 * How a {@link SandboxServer} is started.
 *
 * @param port             TCP port on 127.0.0.1; 0 picks any free port (what tests use)
 * @param autoApprove      skip the sign-in page and redirect with a code at once (for scripted runs)
 * @param idTokenLifetime  {@code exp - iat} of every ID token; short values let a user watch the
 *                         client's refresh logic without waiting an hour
 * @param awsRoles         the IAM roles the STS emulator knows; empty means
 *                         {@link SandboxAws#defaultRoles} for the sandbox's own issuer, resolved at
 *                         start because the issuer URL carries the port actually bound
 * @param awsOidcProviders the IAM OIDC providers (issuer URL to client IDs) the STS emulator trusts;
 *                         empty means the sandbox's own issuer with {@link SandboxClient#CLIENT_ID}.
 *                         Only loopback issuers: the emulator fetches their keys and must never
 *                         reach beyond this machine
 */
public record SandboxOptions(int port, boolean autoApprove, Duration idTokenLifetime,
                             List<AwsRole> awsRoles, Map<String, List<String>> awsOidcProviders) {

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
        awsRoles = List.copyOf(Objects.requireNonNull(awsRoles, "awsRoles"));
        Objects.requireNonNull(awsOidcProviders, "awsOidcProviders");
        // Insertion order kept (Map.copyOf would scramble it), so describing the options is stable.
        Map<String, List<String>> providers = new LinkedHashMap<>();
        awsOidcProviders.forEach((issuer, clientIds) -> {
            LoopbackUrls.requireLoopbackIssuer(issuer);
            if (clientIds == null || clientIds.isEmpty()) {
                throw new IllegalArgumentException("an OIDC provider needs at least one client ID: " + issuer);
            }
            providers.put(issuer, List.copyOf(clientIds));
        });
        awsOidcProviders = Collections.unmodifiableMap(providers);
    }

    /** The original three options; AWS roles and providers take their defaults. */
    public SandboxOptions(int port, boolean autoApprove, Duration idTokenLifetime) {
        this(port, autoApprove, idTokenLifetime, List.of(), Map.of());
    }

    /** Port {@value SandboxServer#DEFAULT_PORT}, sign-in page shown, ID tokens valid for one hour (as Google's). */
    public static SandboxOptions defaults() {
        return new SandboxOptions(SandboxServer.DEFAULT_PORT, false, Duration.ofHours(1));
    }

    public SandboxOptions withPort(int newPort) {
        return new SandboxOptions(newPort, autoApprove, idTokenLifetime, awsRoles, awsOidcProviders);
    }

    public SandboxOptions withAutoApprove(boolean newAutoApprove) {
        return new SandboxOptions(port, newAutoApprove, idTokenLifetime, awsRoles, awsOidcProviders);
    }

    public SandboxOptions withIdTokenLifetime(Duration newLifetime) {
        return new SandboxOptions(port, autoApprove, newLifetime, awsRoles, awsOidcProviders);
    }

    /** Replaces the role table (an empty list brings back the defaults). */
    public SandboxOptions withAwsRoles(List<AwsRole> newRoles) {
        return new SandboxOptions(port, autoApprove, idTokenLifetime, newRoles, awsOidcProviders);
    }

    /**
     * Adds (or replaces) one trusted OIDC provider. Once any provider is given, the sandbox's own
     * issuer is trusted only if it is given too.
     *
     * @param issuerUrl exactly the {@code iss} its tokens carry; http://127.0.0.1:PORT or http://localhost:PORT
     * @param clientIds the audiences accepted, as IAM's "client ID list"
     */
    public SandboxOptions withAwsOidcProvider(String issuerUrl, List<String> clientIds) {
        Map<String, List<String>> providers = new LinkedHashMap<>(awsOidcProviders);
        providers.put(issuerUrl, clientIds);
        return new SandboxOptions(port, autoApprove, idTokenLifetime, awsRoles, providers);
    }
}
