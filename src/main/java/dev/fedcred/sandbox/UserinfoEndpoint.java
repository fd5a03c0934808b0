package dev.fedcred.sandbox;

import com.sun.net.httpserver.HttpExchange;
import java.io.IOException;
import java.util.Locale;
import java.util.Map;
import java.util.Optional;

/**
 * {@code /userinfo} (OIDC Core 5.3): the user's claims for a valid bearer access token, limited to
 * the token's scopes. Failures follow RFC 6750 section 3 (401 with {@code WWW-Authenticate}).
 */
final class UserinfoEndpoint {

    private static final String REALM = "Bearer realm=\"fedcred-sandbox\"";

    private final AccessTokens accessTokens;
    private final Map<String, Object> userClaims;

    UserinfoEndpoint(AccessTokens accessTokens, Map<String, Object> userClaims) {
        this.accessTokens = accessTokens;
        this.userClaims = userClaims;
    }

    void handle(HttpExchange exchange) throws IOException {
        if (!HttpExchanges.isExactPath(exchange, OidcIssuerEmulator.USERINFO_PATH)) {
            HttpExchanges.sendNotFound(exchange);
            return;
        }
        String method = exchange.getRequestMethod();
        // OIDC Core 5.3.1: GET and POST must both be supported. Only the header form of the token
        // (RFC 6750 section 2.1) is accepted; a token in a URL would end up in logs.
        if (!"GET".equals(method) && !"POST".equals(method)) {
            HttpExchanges.sendMethodNotAllowed(exchange, "GET, POST");
            return;
        }
        Optional<String> presented = bearerToken(exchange.getRequestHeaders().getFirst("Authorization"));
        if (presented.isEmpty()) {
            // RFC 6750 section 3.1: no error code when the request carried no credentials at all.
            exchange.getResponseHeaders().set("WWW-Authenticate", REALM);
            HttpExchanges.sendJson(exchange, 401,
                    HttpExchanges.error("invalid_request", "a Bearer access token is required"));
            return;
        }
        Optional<AccessTokens.AccessToken> token = accessTokens.find(presented.get());
        if (token.isEmpty()) {
            exchange.getResponseHeaders().set("WWW-Authenticate",
                    REALM + ", error=\"invalid_token\", error_description=\"unknown, expired or revoked access token\"");
            HttpExchanges.sendJson(exchange, 401,
                    HttpExchanges.error("invalid_token", "unknown, expired or revoked access token"));
            return;
        }
        if (!token.get().scopes().contains("openid")) {
            exchange.getResponseHeaders().set("WWW-Authenticate",
                    REALM + ", error=\"insufficient_scope\", scope=\"openid\"");
            HttpExchanges.sendJson(exchange, 403,
                    HttpExchanges.error("insufficient_scope", "the access token lacks the openid scope"));
            return;
        }
        exchange.getResponseHeaders().set("Cache-Control", "no-store");
        HttpExchanges.sendJson(exchange, 200, SandboxUser.claimsFor(token.get().scopes(), userClaims));
    }

    private static Optional<String> bearerToken(String header) {
        if (header == null) {
            return Optional.empty();
        }
        String[] parts = header.trim().split("\\s+", 2);
        if (parts.length != 2 || !parts[0].toLowerCase(Locale.ROOT).equals("bearer") || parts[1].isBlank()) {
            return Optional.empty();
        }
        return Optional.of(parts[1].trim());
    }
}
