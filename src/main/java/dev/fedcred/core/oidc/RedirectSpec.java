package dev.fedcred.core.oidc;

/**
 * Where the browser comes back to: always http on 127.0.0.1 (RFC 8252, section 7.3). Port 0
 * takes any free port, which "Desktop" OAuth clients allow; "Web application" clients register
 * one exact URI, such as {@code http://127.0.0.1:3000/auth/google/callback}, so port and path
 * are fixed for them.
 */
public record RedirectSpec(int port, String path) {
    public static final RedirectSpec ANY_FREE_PORT = new RedirectSpec(0, "/");

    public RedirectSpec {
        if (port < 0 || port > 65535) {
            throw new IllegalArgumentException("Redirect port must be 0 (any free port) or 1-65535, not " + port);
        }
        if (path == null || path.isBlank()) {
            path = "/";
        }
        if (!path.startsWith("/")) {
            throw new IllegalArgumentException("Redirect path must start with '/', not '" + path + "'");
        }
    }

    public boolean anyFreePort() {
        return port == 0;
    }
}
