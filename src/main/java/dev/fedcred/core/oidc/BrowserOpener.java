package dev.fedcred.core.oidc;

import java.net.URI;

/** Opens a URL in the user's own browser; swapped out by tests and by --no-browser. */
@FunctionalInterface
public interface BrowserOpener {
    /** Returns false when no browser could be started, so the caller shows the URL instead. */
    boolean open(URI uri);

    BrowserOpener NONE = uri -> false;
}
