package dev.fedcred.core.settings;

import java.net.URI;
import java.nio.file.Path;

/**
 * Where the sandbox's GCP emulator answers, known before it runs: its HTTPS listener's base URL
 * ({@code https://127.0.0.1:PORT}) and the CA certificate it writes to its data directory.
 */
public record SandboxGcpEndpoints(URI baseUrl, Path caFile) {
    public static final String CA_FILE_NAME = "gcp-ca.pem";

    public static SandboxGcpEndpoints of(int port, Path sandboxDataDir) {
        return new SandboxGcpEndpoints(URI.create("https://127.0.0.1:" + port), sandboxDataDir.resolve(CA_FILE_NAME));
    }

    public URI sts() {
        return URI.create(baseUrl + "/v1/token");
    }

    /** The sandbox's Kubernetes API server, on the same HTTPS listener (its CA is {@link #caFile}). */
    public URI kubernetes() {
        return URI.create(baseUrl + "/k8s");
    }

    public URI iamCredentials() {
        return URI.create(baseUrl + "/v1/");
    }
}
