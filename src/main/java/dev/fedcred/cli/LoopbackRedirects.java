package dev.fedcred.cli;

import dev.fedcred.core.oidc.RedirectSpec;
import java.net.URI;

/** Reads a registered redirect URI such as {@code http://127.0.0.1:3000/auth/google/callback}. */
final class LoopbackRedirects {
    private LoopbackRedirects() {
    }

    static RedirectSpec parse(URI uri) {
        if (!"http".equals(uri.getScheme()) || !"127.0.0.1".equals(uri.getHost()) || uri.getPort() <= 0) {
            throw new IllegalArgumentException("The redirect URI must be http://127.0.0.1:PORT/PATH (RFC 8252 loopback),"
                    + " not " + uri + ". Register such a URI with the OAuth client.");
        }
        return new RedirectSpec(uri.getPort(), uri.getPath());
    }
}
