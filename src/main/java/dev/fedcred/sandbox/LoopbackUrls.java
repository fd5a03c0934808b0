package dev.fedcred.sandbox;

import java.net.URI;
import java.net.URISyntaxException;
import java.util.Locale;

/**
 * The STS emulator fetches discovery documents and keys from the issuers it trusts. The sandbox
 * runs on a developer's machine and answers anybody, so it must never be talked into making
 * requests beyond this machine: every URL it fetches has to pass {@link #isLoopbackHttp}.
 */
final class LoopbackUrls {

    private LoopbackUrls() {
    }

    /** http to 127.0.0.1 or localhost, with no user info; the only URLs the emulator fetches. */
    static boolean isLoopbackHttp(String url) {
        if (url == null) {
            return false;
        }
        try {
            URI uri = new URI(url);
            String host = uri.getHost();
            return "http".equalsIgnoreCase(uri.getScheme())
                    && host != null
                    && (host.equals("127.0.0.1") || host.toLowerCase(Locale.ROOT).equals("localhost"))
                    && uri.getRawUserInfo() == null;
        } catch (URISyntaxException e) {
            return false;
        }
    }

    static void requireLoopbackIssuer(String issuer) {
        if (!isLoopbackHttp(issuer)) {
            throw new IllegalArgumentException(
                    "the sandbox only trusts loopback issuers (http://127.0.0.1:PORT or http://localhost:PORT), not " + issuer);
        }
        URI uri = URI.create(issuer);
        if (uri.getRawQuery() != null || uri.getRawFragment() != null) {
            throw new IllegalArgumentException("an issuer URL has no query or fragment: " + issuer);
        }
    }

    /**
     * The issuer as IAM names an OIDC provider and keys its trust-policy conditions: host, port
     * and path without the scheme ({@code 127.0.0.1:9750}, {@code accounts.google.com}).
     */
    static String providerName(String issuer) {
        int scheme = issuer.indexOf("://");
        return scheme < 0 ? issuer : issuer.substring(scheme + 3);
    }
}
