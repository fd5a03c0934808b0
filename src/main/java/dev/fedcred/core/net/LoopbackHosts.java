package dev.fedcred.core.net;

import java.net.URI;
import java.util.Locale;
import java.util.Set;

/**
 * The one rule for "this URL stays on this machine", so plain http is allowed for a test issuer or
 * the sandbox's STS and nowhere else. An IPv6 literal comes out of {@link URI#getHost()} in
 * brackets, so both spellings of ::1 are loopback.
 */
public final class LoopbackHosts {
    /** The loopback hosts, as a message names them. */
    public static final String NAMES = "127.0.0.1, localhost or [::1]";

    private static final Set<String> HOSTS = Set.of("127.0.0.1", "localhost", "[::1]", "::1");

    private LoopbackHosts() {
    }

    public static boolean isLoopback(String host) {
        return host != null && HOSTS.contains(host.toLowerCase(Locale.ROOT));
    }

    /** https with a host, or plain http on a loopback host. */
    public static boolean isHttpsOrLoopbackHttp(URI url) {
        return "https".equals(url.getScheme()) && url.getHost() != null
                || "http".equals(url.getScheme()) && isLoopback(url.getHost());
    }
}
