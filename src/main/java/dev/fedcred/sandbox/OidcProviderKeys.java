package dev.fedcred.sandbox;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.nimbusds.jose.jwk.JWKSet;
import java.io.IOException;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.nio.charset.StandardCharsets;
import java.text.ParseException;
import java.time.Duration;
import java.util.Map;
import java.util.concurrent.ConcurrentHashMap;

/**
 * The signing keys of the OIDC providers an STS emulator trusts, fetched the way AWS and Google STS
 * do: the discovery document at {@code <iss>/.well-known/openid-configuration}, then its
 * {@code jwks_uri}. Each emulator has its own instance, as each real service has its own cache.
 *
 * <p>Keys are cached per issuer for the life of the server and fetched again only when a token
 * names a key the cache lacks (a provider rotated). Only loopback URLs are ever fetched, with
 * short timeouts and no redirects, so a discovery document cannot point the sandbox elsewhere.
 */
final class OidcProviderKeys {

    private static final Duration CONNECT_TIMEOUT = Duration.ofSeconds(2);
    private static final Duration REQUEST_TIMEOUT = Duration.ofSeconds(3);
    private static final ObjectMapper JSON = new ObjectMapper();

    private final HttpClient http = HttpClient.newBuilder()
            .connectTimeout(CONNECT_TIMEOUT)
            .followRedirects(HttpClient.Redirect.NEVER)
            .build();
    private final Map<String, JWKSet> cache = new ConcurrentHashMap<>();
    /** One lock per issuer, so concurrent first requests fetch once and a slow provider blocks only its own. */
    private final Map<String, Object> locks = new ConcurrentHashMap<>();

    /** The issuer's keys, from the cache or fetched now. */
    JWKSet keys(String issuer) throws JwtRejection {
        JWKSet cached = cache.get(issuer);
        if (cached != null) {
            return cached;
        }
        synchronized (locks.computeIfAbsent(issuer, i -> new Object())) {
            cached = cache.get(issuer);
            if (cached == null) {
                cached = fetch(issuer);
                cache.put(issuer, cached);
            }
            return cached;
        }
    }

    /** Fetches the keys again, replacing the cached set; for a token signed by a key not yet seen. */
    JWKSet refetch(String issuer) throws JwtRejection {
        synchronized (locks.computeIfAbsent(issuer, i -> new Object())) {
            JWKSet fresh = fetch(issuer);
            cache.put(issuer, fresh);
            return fresh;
        }
    }

    private JWKSet fetch(String issuer) throws JwtRejection {
        String base = issuer.endsWith("/") ? issuer.substring(0, issuer.length() - 1) : issuer;
        JsonNode discovery;
        try {
            discovery = JSON.readTree(get(base + OidcIssuerEmulator.DISCOVERY_PATH));
        } catch (IOException e) {
            throw unreachable();
        }
        // OIDC Discovery 1.0 section 4.3: the document must name the issuer it was fetched for.
        if (!issuer.equals(discovery.path("issuer").asText(null))) {
            throw unreachable();
        }
        String jwksUri = discovery.path("jwks_uri").asText(null);
        if (!LoopbackUrls.isLoopbackHttp(jwksUri)) {
            throw unreachable();
        }
        try {
            return JWKSet.parse(get(jwksUri));
        } catch (ParseException e) {
            throw unreachable();
        }
    }

    private String get(String url) throws JwtRejection {
        if (!LoopbackUrls.isLoopbackHttp(url)) {
            throw unreachable();
        }
        try {
            byte[] body = BoundedReplies.okBody(http,
                    HttpRequest.newBuilder(URI.create(url)).timeout(REQUEST_TIMEOUT).GET().build())
                    .orElseThrow(OidcProviderKeys::unreachable);
            return new String(body, StandardCharsets.UTF_8);
        } catch (IOException | IllegalArgumentException e) {
            throw unreachable();
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw unreachable();
        }
    }

    private static JwtRejection unreachable() {
        return new JwtRejection(JwtRejection.Reason.ISSUER_UNREACHABLE, "discovery or keys could not be fetched");
    }
}
