package dev.fedcred.sandbox;

import com.sun.net.httpserver.HttpExchange;
import com.sun.net.httpserver.HttpServer;
import java.io.IOException;
import java.time.Clock;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/**
 * An OpenID Connect provider for one user and one public client, modelled on Google's
 * (accounts.google.com): discovery, JWKS, authorization code flow with PKCE, the device
 * authorization grant (RFC 8628), refresh, userinfo.
 * Wires the stores to the endpoints and registers the paths.
 */
final class OidcIssuerEmulator implements SandboxEmulator {

    static final String DISCOVERY_PATH = "/.well-known/openid-configuration";
    static final String JWKS_PATH = "/jwks";
    static final String AUTHORIZE_PATH = "/authorize";
    static final String TOKEN_PATH = "/token";
    static final String USERINFO_PATH = "/userinfo";

    private final String issuer;
    private final SigningKeys keys;
    private final AuthorizeEndpoint authorize;
    private final TokenEndpoint token;
    private final UserinfoEndpoint userinfo;
    private final DeviceCodes deviceCodes;
    private final DeviceEndpoint device;

    OidcIssuerEmulator(String issuer, SandboxOptions options, Clock clock) {
        this.issuer = issuer;
        this.keys = SigningKeys.generate();
        AuthorizationCodes codes = new AuthorizationCodes(clock);
        GrantRevocations revocations = new GrantRevocations();
        AccessTokens accessTokens = new AccessTokens(clock, revocations);
        this.authorize = new AuthorizeEndpoint(issuer, options.autoApprove(), clock,
                new PendingAuthorizations(clock), codes);
        this.deviceCodes = new DeviceCodes(clock);
        this.device = new DeviceEndpoint(issuer, options.autoApprove(), deviceCodes);
        this.token = new TokenEndpoint(codes, accessTokens, new RefreshTokens(revocations), revocations,
                new IdTokenMinter(issuer, keys, options.idTokenLifetime(), clock, options.userClaims()), deviceCodes);
        this.userinfo = new UserinfoEndpoint(accessTokens, options.userClaims());
    }

    @Override
    public void register(HttpServer server) {
        server.createContext(DISCOVERY_PATH, HttpExchanges.guarded(this::serveDiscovery));
        server.createContext(JWKS_PATH, HttpExchanges.guarded(this::serveJwks));
        server.createContext(AUTHORIZE_PATH, HttpExchanges.guarded(authorize::handleAuthorize));
        server.createContext(SignInPage.DECISION_PATH, HttpExchanges.guarded(authorize::handleDecision));
        server.createContext(TOKEN_PATH, HttpExchanges.guarded(token::handle));
        server.createContext(USERINFO_PATH, HttpExchanges.guarded(userinfo::handle));
        server.createContext(DeviceEndpoint.DEVICE_CODE_PATH, HttpExchanges.guarded(device::handleDeviceCode));
        server.createContext(DeviceEndpoint.VERIFICATION_PATH, HttpExchanges.guarded(device::handleVerification));
        server.createContext(DeviceEndpoint.DECISION_PATH, HttpExchanges.guarded(device::handleDecision));
    }

    /** The device grant's codes, with the hooks tests use to expire, decide or slow them. */
    DeviceCodes deviceCodes() {
        return deviceCodes;
    }

    @Override
    public void describeEndpoints(Map<String, String> endpoints) {
        endpoints.put("issuer", issuer);
        endpoints.put("discovery", issuer + DISCOVERY_PATH);
        endpoints.put("jwks", issuer + JWKS_PATH);
        endpoints.put("authorize", issuer + AUTHORIZE_PATH);
        endpoints.put("token", issuer + TOKEN_PATH);
        endpoints.put("device", issuer + DeviceEndpoint.DEVICE_CODE_PATH);
        endpoints.put("userinfo", issuer + USERINFO_PATH);
    }

    /** OpenID Connect Discovery 1.0 section 3, plus the RFC 8414 fields a PKCE client looks for. */
    Map<String, Object> discoveryDocument() {
        Map<String, Object> doc = new LinkedHashMap<>();
        doc.put("issuer", issuer);
        doc.put("authorization_endpoint", issuer + AUTHORIZE_PATH);
        doc.put("token_endpoint", issuer + TOKEN_PATH);
        doc.put("userinfo_endpoint", issuer + USERINFO_PATH);
        doc.put("jwks_uri", issuer + JWKS_PATH);
        if (deviceCodes.offered()) {
            doc.put("device_authorization_endpoint", issuer + DeviceEndpoint.DEVICE_CODE_PATH);
        }
        doc.put("response_types_supported", List.of("code"));
        doc.put("response_modes_supported", List.of("query"));
        doc.put("subject_types_supported", List.of("public"));
        doc.put("id_token_signing_alg_values_supported", List.of("RS256"));
        doc.put("scopes_supported", List.of("openid", "email", "profile"));
        doc.put("token_endpoint_auth_methods_supported", List.of("none", "client_secret_post", "client_secret_basic"));
        doc.put("code_challenge_methods_supported", List.of(Pkce.S256));
        doc.put("grant_types_supported", deviceCodes.offered()
                ? List.of("authorization_code", "refresh_token", TokenEndpoint.DEVICE_CODE_GRANT)
                : List.of("authorization_code", "refresh_token"));
        doc.put("claims_supported", List.of(
                "iss", "aud", "azp", "sub", "iat", "exp", "auth_time", "nonce", "at_hash",
                "email", "email_verified", "name", "given_name", "family_name", "locale", "picture"));
        doc.put("authorization_response_iss_parameter_supported", true);
        return doc;
    }

    private void serveDiscovery(HttpExchange exchange) throws IOException {
        serveDocument(exchange, DISCOVERY_PATH, discoveryDocument());
    }

    private void serveJwks(HttpExchange exchange) throws IOException {
        serveDocument(exchange, JWKS_PATH, keys.publicJwkSet());
    }

    private static void serveDocument(HttpExchange exchange, String path, Object body) throws IOException {
        if (!HttpExchanges.isExactPath(exchange, path)) {
            HttpExchanges.sendNotFound(exchange);
            return;
        }
        String method = exchange.getRequestMethod();
        if (!"GET".equals(method) && !"HEAD".equals(method)) {
            HttpExchanges.sendMethodNotAllowed(exchange, "GET, HEAD");
            return;
        }
        HttpExchanges.sendJson(exchange, 200, body);
    }
}
