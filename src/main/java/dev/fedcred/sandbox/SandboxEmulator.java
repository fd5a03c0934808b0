package dev.fedcred.sandbox;

import com.sun.net.httpserver.HttpServer;
import java.util.Map;

/**
 * One emulated service living on the shared {@link SandboxServer} (the OIDC issuer and AWS STS now,
 * GCP later). Each emulator owns its paths and state; the server owns the socket and threads.
 */
interface SandboxEmulator {

    /** Adds this emulator's contexts. Paths must not clash with other emulators'. */
    void register(HttpServer server);

    /** Adds this emulator's endpoint names and absolute URLs, in display order. */
    void describeEndpoints(Map<String, String> endpoints);
}
