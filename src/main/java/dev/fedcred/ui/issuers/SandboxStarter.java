package dev.fedcred.ui.issuers;

import java.io.IOException;
import java.net.URI;

/**
 * Starts fedcred's embedded sandbox OpenID Connect issuer if nothing listens yet. The window
 * calls it on a background thread just before a sandbox sign-in, so the sandbox costs nothing
 * until someone uses it.
 */
@FunctionalInterface
public interface SandboxStarter {
    /**
     * Returns the issuer URL the running sandbox answers at; the sandbox sign-in uses it, so a
     * sandbox on another port than the configured one still works.
     */
    URI ensureRunning() throws IOException;
}
