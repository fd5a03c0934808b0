package dev.fedcred.sandbox;

import com.sun.net.httpserver.HttpServer;
import java.util.Map;

/**
 * One emulated service of the {@link SandboxServer}: the OIDC issuer and AWS STS share its HTTP
 * listener, and {@link GcpEmulator} (Google STS and IAM Credentials) has the HTTPS one, since Google's
 * libraries accept only https. Each emulator owns its paths and state; the server owns the sockets
 * and threads.
 */
interface SandboxEmulator {

    /** Adds this emulator's contexts. Paths must not clash with other emulators'. */
    void register(HttpServer server);

    /** Adds this emulator's endpoint names and absolute URLs, in display order. */
    void describeEndpoints(Map<String, String> endpoints);
}
