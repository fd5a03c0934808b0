package dev.fedcred.sandbox;

import java.net.URI;
import java.net.URISyntaxException;
import java.util.Locale;

/**
 * Which redirect URIs the sandbox client may use: loopback only, as for a native app
 * (RFC 8252 section 7.3): {@code http://127.0.0.1:<any port>/<any path>} or the same with
 * {@code localhost}. The port is free because the app picks an ephemeral one at sign-in time.
 *
 * <p>Anything else is rejected with an error page rather than a redirect, because redirecting to
 * an unvalidated URI would make the sandbox an open redirector (RFC 6749 section 4.1.2.1).
 */
final class LoopbackRedirectUris {

    private LoopbackRedirectUris() {
    }

    /** Null if acceptable, else a short reason for the error page. */
    static String problemWith(String redirectUri) {
        if (redirectUri == null) {
            return "redirect_uri is missing";
        }
        URI uri;
        try {
            uri = new URI(redirectUri);
        } catch (URISyntaxException e) {
            return "redirect_uri is not a valid URI";
        }
        if (!"http".equals(uri.getScheme())) {
            return "redirect_uri must use http on the loopback interface (RFC 8252 section 7.3)";
        }
        if (uri.getRawAuthority() == null || uri.getHost() == null) {
            return "redirect_uri has no host";
        }
        String host = uri.getHost().toLowerCase(Locale.ROOT);
        if (!host.equals("127.0.0.1") && !host.equals("localhost")) {
            return "redirect_uri host must be 127.0.0.1 or localhost";
        }
        if (uri.getRawUserInfo() != null) {
            return "redirect_uri must not contain user information";
        }
        if (uri.getRawFragment() != null) {
            // RFC 6749 section 3.1.2: "The endpoint URI MUST NOT include a fragment component."
            return "redirect_uri must not contain a fragment";
        }
        return null;
    }
}
