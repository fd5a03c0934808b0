package dev.fedcred.core.aws.console;

import java.net.URI;
import java.time.Instant;
import java.util.Objects;

/**
 * The console login URL: a bearer credential, since anyone who opens it before it expires is
 * signed in as the role. It goes to a browser or, on request, to stdout, and nowhere else:
 * {@link #toString()} never shows it, so it cannot slip into a log line or a message.
 *
 * @see FederationEndpoint
 */
public final class ConsoleLink {
    private final URI url;
    private final Instant expiresAt;
    private final URI destination;

    ConsoleLink(URI url, Instant expiresAt, URI destination) {
        this.url = Objects.requireNonNull(url, "url");
        this.expiresAt = Objects.requireNonNull(expiresAt, "expiresAt");
        this.destination = Objects.requireNonNull(destination, "destination");
    }

    /** The secret URL itself: for a browser, or for stdout when the user asks. */
    public URI url() {
        return url;
    }

    /** When the sign-in token in the URL stops working (15 minutes after it was issued). */
    public Instant expiresAt() {
        return expiresAt;
    }

    /** Where the console opens: no secret. */
    public URI destination() {
        return destination;
    }

    @Override
    public String toString() {
        return "ConsoleLink[destination=" + destination + ", expiresAt=" + expiresAt + ", url=(secret)]";
    }
}
