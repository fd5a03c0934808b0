package dev.fedcred.sandbox;

import com.sun.net.httpserver.HttpExchange;
import java.io.IOException;
import java.net.URLDecoder;
import java.nio.charset.StandardCharsets;
import java.util.Arrays;
import java.util.Base64;
import java.util.LinkedHashMap;
import java.util.LinkedHashSet;
import java.util.Locale;
import java.util.Map;
import java.util.Set;
import java.util.TreeSet;

/**
 * {@code /token}: the back channel (RFC 6749 sections 4.1.3 and 6, OIDC Core 3.1.3 and 12).
 * Supports {@code authorization_code} with mandatory S256 PKCE, {@code refresh_token}, and the
 * device grant's {@code urn:ietf:params:oauth:grant-type:device_code} (RFC 8628 section 3.4).
 */
final class TokenEndpoint {

    private final AuthorizationCodes codes;
    private final AccessTokens accessTokens;
    private final RefreshTokens refreshTokens;
    private final GrantRevocations revocations;
    static final String DEVICE_CODE_GRANT = "urn:ietf:params:oauth:grant-type:device_code";

    private final IdTokenMinter idTokens;
    private final DeviceCodes deviceCodes;

    TokenEndpoint(AuthorizationCodes codes, AccessTokens accessTokens, RefreshTokens refreshTokens,
                  GrantRevocations revocations, IdTokenMinter idTokens, DeviceCodes deviceCodes) {
        this.deviceCodes = deviceCodes;
        this.codes = codes;
        this.accessTokens = accessTokens;
        this.refreshTokens = refreshTokens;
        this.revocations = revocations;
        this.idTokens = idTokens;
    }

    void handle(HttpExchange exchange) throws IOException {
        if (!HttpExchanges.isExactPath(exchange, OidcIssuerEmulator.TOKEN_PATH)) {
            HttpExchanges.sendNotFound(exchange);
            return;
        }
        if (!"POST".equals(exchange.getRequestMethod())) {
            HttpExchanges.sendMethodNotAllowed(exchange, "POST");
            return;
        }
        boolean usedBasicAuth = authorizationHeader(exchange) != null;
        try {
            if (!HttpExchanges.hasFormBody(exchange)) {
                throw OAuthError.invalidRequest("the token request must be application/x-www-form-urlencoded");
            }
            Parameters params = HttpExchanges.formParameters(exchange);
            var repeated = params.firstRepeated();
            if (repeated.isPresent()) {
                throw OAuthError.invalidRequest("parameter " + repeated.get() + " must not be repeated");
            }
            String clientId = identifyClient(exchange, params);
            String grantType = params.get("grant_type");
            if (grantType == null) {
                throw OAuthError.invalidRequest("grant_type is missing");
            }
            Map<String, Object> response = switch (grantType) {
                case "authorization_code" -> redeemCode(clientId, params);
                case "refresh_token" -> refresh(clientId, params);
                case DEVICE_CODE_GRANT -> redeemDeviceCode(clientId, params);
                default -> throw OAuthError.unsupportedGrantType(
                        "supported grant types are authorization_code, refresh_token and " + DEVICE_CODE_GRANT);
            };
            HttpExchanges.sendNoStoreJson(exchange, 200, response);
        } catch (OAuthError e) {
            if (e.httpStatus() == 401 && usedBasicAuth) {
                // RFC 6749 section 5.2: required when the client tried the Authorization header.
                exchange.getResponseHeaders().set("WWW-Authenticate", "Basic realm=\"fedcred-sandbox\"");
            }
            HttpExchanges.sendNoStoreJson(exchange, e.httpStatus(), HttpExchanges.error(e.error(), e.description()));
        }
    }

    /**
     * Works out which client is calling. The sandbox client is public, so a secret (Basic or in the
     * form) is accepted and its value ignored; what must hold is that the client is known and that
     * the Basic and form client_ids, if both are given, agree.
     */
    static String identifyClient(HttpExchange exchange, Parameters params) throws OAuthError {
        String formClientId = params.get("client_id");
        String header = authorizationHeader(exchange);
        String clientId = formClientId;
        if (header != null) {
            String basicClientId = basicClientId(header);
            if (params.get("client_secret") != null) {
                // RFC 6749 section 2.3: "The client MUST NOT use more than one authentication method".
                throw OAuthError.invalidRequest("client_secret sent both in the Authorization header and in the form");
            }
            if (formClientId != null && !formClientId.equals(basicClientId)) {
                throw OAuthError.invalidClient("client_id in the form does not match the Basic credentials");
            }
            clientId = basicClientId;
        }
        if (clientId == null) {
            throw OAuthError.invalidClient("client_id is missing");
        }
        if (!SandboxClient.isKnown(clientId)) {
            throw OAuthError.invalidClient("unknown client_id; the sandbox only knows " + SandboxClient.CLIENT_ID);
        }
        return clientId;
    }

    private static String authorizationHeader(HttpExchange exchange) {
        return exchange.getRequestHeaders().getFirst("Authorization");
    }

    /** RFC 6749 section 2.3.1: Basic with form-urlencoded id and secret. */
    private static String basicClientId(String header) throws OAuthError {
        String[] parts = header.trim().split("\\s+", 2);
        if (parts.length != 2 || !parts[0].toLowerCase(Locale.ROOT).equals("basic")) {
            throw OAuthError.invalidClient("only Basic client authentication is supported in the Authorization header");
        }
        String decoded;
        try {
            decoded = new String(Base64.getDecoder().decode(parts[1]), StandardCharsets.UTF_8);
        } catch (IllegalArgumentException e) {
            throw OAuthError.invalidClient("malformed Basic credentials");
        }
        int colon = decoded.indexOf(':');
        if (colon < 0) {
            throw OAuthError.invalidClient("malformed Basic credentials");
        }
        String id = URLDecoder.decode(decoded.substring(0, colon), StandardCharsets.UTF_8);
        if (id.isEmpty()) {
            throw OAuthError.invalidClient("empty client_id in Basic credentials");
        }
        return id;
    }

    private Map<String, Object> redeemCode(String clientId, Parameters params) throws OAuthError {
        String code = params.get("code");
        if (code == null) {
            throw OAuthError.invalidRequest("code is missing");
        }
        // Java 17 has no pattern matching in switch yet, hence the instanceof chain.
        AuthorizationCodes.Redemption redemption = codes.redeem(code);
        if (redemption instanceof AuthorizationCodes.Redemption.Replayed replayed) {
            // RFC 6749 section 4.1.2: a reused code should revoke what it already produced.
            revocations.revoke(replayed.grant().id());
            accessTokens.forgetGrant(replayed.grant().id());
            refreshTokens.forgetGrant(replayed.grant().id());
            throw OAuthError.invalidGrant("authorization code was already used; tokens issued from it have been revoked");
        }
        if (redemption instanceof AuthorizationCodes.Redemption.Expired) {
            throw OAuthError.invalidGrant("authorization code expired (codes are valid for "
                    + AuthorizationCodes.LIFETIME_SECONDS + " s)");
        }
        if (!(redemption instanceof AuthorizationCodes.Redemption.Valid valid)) {
            throw OAuthError.invalidGrant("unknown authorization code");
        }
        AuthorizationRequest request = valid.request();
        Grant grant = valid.grant();
        if (!request.clientId().equals(clientId)) {
            throw OAuthError.invalidGrant("authorization code was issued to another client");
        }
        if (!request.redirectUri().equals(params.get("redirect_uri"))) {
            throw OAuthError.invalidGrant("redirect_uri does not match the one in the authorization request");
        }
        String verifier = params.get("code_verifier");
        if (verifier == null) {
            throw OAuthError.invalidGrant("code_verifier is required (PKCE)");
        }
        if (!Pkce.verifierMatches(verifier, request.codeChallenge())) {
            throw OAuthError.invalidGrant("code_verifier does not match the code_challenge");
        }

        AccessTokens.AccessToken accessToken = accessTokens.issue(grant, grant.scopes());
        Map<String, Object> response = tokenResponse(accessToken);
        response.put("refresh_token", refreshTokens.issue(grant));
        response.put("id_token", idTokens.mint(grant, grant.scopes(), request.nonce(), accessToken.value()));
        return response;
    }

    /**
     * RFC 8628 section 3.5: authorization_pending until the user answers, slow_down when polled too
     * soon, expired_token, access_denied; once approved, the same tokens as the code flow, with an ID
     * token that carries no nonce (this grant has no authorization request to bring one).
     */
    private Map<String, Object> redeemDeviceCode(String clientId, Parameters params) throws OAuthError {
        String deviceCode = params.get("device_code");
        if (deviceCode == null) {
            throw OAuthError.invalidRequest("device_code is missing");
        }
        if (!deviceCodes.offered()) {
            throw OAuthError.unsupportedGrantType("this issuer does not offer the device grant");
        }
        DeviceCodes.Poll poll = deviceCodes.poll(deviceCode, clientId);
        if (poll instanceof DeviceCodes.Poll.Refused refused) {
            throw refused.error();
        }
        Grant grant = ((DeviceCodes.Poll.Approved) poll).grant();
        AccessTokens.AccessToken accessToken = accessTokens.issue(grant, grant.scopes());
        Map<String, Object> response = tokenResponse(accessToken);
        response.put("refresh_token", refreshTokens.issue(grant));
        Grant named = deviceCodes.takeAudienceOverride()
                .map(audience -> new Grant(grant.id(), audience, grant.scopes(), grant.authTime()))
                .orElse(grant);
        response.put("id_token", idTokens.mint(named, grant.scopes(), null, accessToken.value()));
        return response;
    }

    private Map<String, Object> refresh(String clientId, Parameters params) throws OAuthError {
        String refreshToken = params.get("refresh_token");
        if (refreshToken == null) {
            throw OAuthError.invalidRequest("refresh_token is missing");
        }
        Grant grant = refreshTokens.find(refreshToken)
                .orElseThrow(() -> OAuthError.invalidGrant("unknown or revoked refresh token"));
        if (!grant.clientId().equals(clientId)) {
            throw OAuthError.invalidGrant("refresh token was issued to another client");
        }
        Set<String> scopes = grant.scopes();
        String requestedScope = params.get("scope");
        if (requestedScope != null) {
            // RFC 6749 section 6: a refresh may narrow the scope, never widen it.
            Set<String> requested = new LinkedHashSet<>(Arrays.asList(requestedScope.trim().split(" +")));
            if (!grant.scopes().containsAll(requested)) {
                throw OAuthError.invalidScope("scope exceeds the scope originally granted");
            }
            scopes = requested;
        }
        AccessTokens.AccessToken accessToken = accessTokens.issue(grant, scopes);
        Map<String, Object> response = tokenResponse(accessToken);
        // No refresh_token: like Google, the sandbox does not rotate it; the client keeps its own.
        if (scopes.contains("openid")) {
            // OIDC Core 12.2: same iss/sub/aud as before, and no nonce.
            response.put("id_token", idTokens.mint(grant, scopes, null, accessToken.value()));
        }
        return response;
    }

    private Map<String, Object> tokenResponse(AccessTokens.AccessToken accessToken) {
        Map<String, Object> response = new LinkedHashMap<>();
        response.put("access_token", accessToken.value());
        response.put("token_type", "Bearer");
        response.put("expires_in", AccessTokens.LIFETIME.toSeconds());
        response.put("scope", String.join(" ", new TreeSet<>(accessToken.scopes())));
        return response;
    }
}
