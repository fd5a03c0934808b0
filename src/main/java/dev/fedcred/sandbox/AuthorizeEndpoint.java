package dev.fedcred.sandbox;

import com.sun.net.httpserver.HttpExchange;
import java.io.IOException;
import java.net.URLEncoder;
import java.nio.charset.StandardCharsets;
import java.time.Clock;
import java.util.Arrays;
import java.util.LinkedHashMap;
import java.util.LinkedHashSet;
import java.util.Map;
import java.util.Set;

/**
 * {@code /authorize} and the sign-in page's {@code /authorize/decision}: the front channel of the
 * authorization code flow (RFC 6749 section 4.1, OIDC Core 3.1.2).
 *
 * <p>Error handling follows RFC 6749 section 4.1.2.1: while the client and redirect URI are not yet
 * known to be good, errors go to an HTML page; once they are, errors are redirected back to the
 * client with {@code error}, {@code error_description} and the original {@code state}.
 */
final class AuthorizeEndpoint {

    static final Set<String> SUPPORTED_SCOPES = Set.of("openid", "email", "profile");

    private final String issuer;
    private final boolean autoApprove;
    private final Clock clock;
    private final PendingAuthorizations pending;
    private final AuthorizationCodes codes;

    AuthorizeEndpoint(String issuer, boolean autoApprove, Clock clock,
                      PendingAuthorizations pending, AuthorizationCodes codes) {
        this.issuer = issuer;
        this.autoApprove = autoApprove;
        this.clock = clock;
        this.pending = pending;
        this.codes = codes;
    }

    void handleAuthorize(HttpExchange exchange) throws IOException {
        if (!HttpExchanges.isExactPath(exchange, OidcIssuerEmulator.AUTHORIZE_PATH)) {
            HttpExchanges.sendNotFound(exchange);
            return;
        }
        Parameters params;
        // OIDC Core 3.1.2.1: the authorization endpoint must support GET and POST.
        switch (exchange.getRequestMethod()) {
            case "GET" -> params = HttpExchanges.queryParameters(exchange);
            case "POST" -> {
                if (!HttpExchanges.hasFormBody(exchange)) {
                    HttpExchanges.sendHtml(exchange, 400, SignInPage.error("POST to /authorize must be form-encoded"));
                    return;
                }
                params = HttpExchanges.formParameters(exchange);
            }
            default -> {
                HttpExchanges.sendMethodNotAllowed(exchange, "GET, POST");
                return;
            }
        }

        String untrustworthy = problemWithClientOrRedirect(params);
        if (untrustworthy != null) {
            HttpExchanges.sendHtml(exchange, 400, SignInPage.error(untrustworthy));
            return;
        }
        String redirectUri = params.get("redirect_uri");
        String state = params.get("state");
        AuthorizationRequest request;
        try {
            request = validate(params);
        } catch (OAuthError e) {
            HttpExchanges.sendRedirect(exchange, errorRedirect(redirectUri, e, state));
            return;
        }

        if (autoApprove) {
            HttpExchanges.sendRedirect(exchange, approve(request));
        } else {
            HttpExchanges.sendHtml(exchange, 200, SignInPage.signIn(pending.add(request), request));
        }
    }

    void handleDecision(HttpExchange exchange) throws IOException {
        if (!HttpExchanges.isExactPath(exchange, SignInPage.DECISION_PATH)) {
            HttpExchanges.sendNotFound(exchange);
            return;
        }
        if (!"POST".equals(exchange.getRequestMethod())) {
            HttpExchanges.sendMethodNotAllowed(exchange, "POST");
            return;
        }
        if (!HttpExchanges.hasFormBody(exchange)) {
            HttpExchanges.sendHtml(exchange, 400, SignInPage.error("the decision must be a form POST"));
            return;
        }
        Parameters params = HttpExchanges.formParameters(exchange);
        AuthorizationRequest request = pending.take(params.get("request"));
        if (request == null) {
            HttpExchanges.sendHtml(exchange, 400, SignInPage.error(
                    "This sign-in request is unknown, expired or already answered. Start the sign-in again from the application."));
            return;
        }
        String decision = params.get("decision");
        if ("approve".equals(decision)) {
            HttpExchanges.sendRedirect(exchange, approve(request));
        } else if ("deny".equals(decision)) {
            OAuthError denied = OAuthError.accessDenied("the user denied the sign-in on the sandbox page");
            HttpExchanges.sendRedirect(exchange, errorRedirect(request.redirectUri(), denied, request.state()));
        } else {
            HttpExchanges.sendHtml(exchange, 400, SignInPage.error("decision must be approve or deny"));
        }
    }

    /** Checks that must pass before the sandbox may redirect anywhere; null if they pass. */
    private static String problemWithClientOrRedirect(Parameters params) {
        if (params.isRepeated("client_id") || params.isRepeated("redirect_uri")) {
            return "client_id and redirect_uri must each be sent once";
        }
        String clientId = params.get("client_id");
        if (clientId == null) {
            return "client_id is missing";
        }
        if (!SandboxClient.isKnown(clientId)) {
            return "unknown client_id; the sandbox only knows " + SandboxClient.CLIENT_ID;
        }
        return LoopbackRedirectUris.problemWith(params.get("redirect_uri"));
    }

    private AuthorizationRequest validate(Parameters params) throws OAuthError {
        var repeated = params.firstRepeated();
        if (repeated.isPresent()) {
            throw OAuthError.invalidRequest("parameter " + repeated.get() + " must not be repeated");
        }
        String responseType = params.get("response_type");
        if (responseType == null) {
            throw OAuthError.invalidRequest("response_type is missing");
        }
        if (!responseType.equals("code")) {
            throw OAuthError.unsupportedResponseType("only response_type=code is supported");
        }
        Set<String> requested = scopes(params.get("scope"));
        if (!requested.contains("openid")) {
            throw OAuthError.invalidScope("scope must include openid");
        }
        // RFC 6749 section 3.3 lets the server grant less than asked; unknown scopes are dropped
        // and the token response reports the scopes actually granted.
        Set<String> granted = new LinkedHashSet<>(requested);
        granted.retainAll(SUPPORTED_SCOPES);

        String challenge = params.get("code_challenge");
        if (challenge == null) {
            throw OAuthError.invalidRequest("code_challenge is required: the sandbox enforces PKCE (RFC 7636) with S256");
        }
        if (!Pkce.S256.equals(params.get("code_challenge_method"))) {
            throw OAuthError.invalidRequest("code_challenge_method must be S256");
        }
        if (!Pkce.isWellFormedS256Challenge(challenge)) {
            throw OAuthError.invalidRequest("code_challenge must be 43 base64url characters (BASE64URL(SHA256(verifier)))");
        }
        if ("none".equals(params.get("prompt")) && !autoApprove) {
            throw OAuthError.loginRequired("prompt=none, but the sandbox needs a click on its sign-in page");
        }
        return new AuthorizationRequest(
                params.get("client_id"),
                params.get("redirect_uri"),
                granted,
                params.get("state"),
                params.get("nonce"),
                challenge);
    }

    private static Set<String> scopes(String scope) {
        Set<String> scopes = new LinkedHashSet<>();
        if (scope != null) {
            Arrays.stream(scope.split(" ")).filter(s -> !s.isEmpty()).forEach(scopes::add);
        }
        return scopes;
    }

    private String approve(AuthorizationRequest request) {
        Grant grant = Grant.approve(request.clientId(), request.grantedScopes(), clock.instant());
        Map<String, String> response = new LinkedHashMap<>();
        response.put("code", codes.issue(grant, request));
        putIfPresent(response, "state", request.state());
        // RFC 9207: lets the client check which issuer answered (mix-up defence).
        response.put("iss", issuer);
        return withQuery(request.redirectUri(), response);
    }

    private String errorRedirect(String redirectUri, OAuthError error, String state) {
        Map<String, String> response = new LinkedHashMap<>();
        response.put("error", error.error());
        response.put("error_description", error.description());
        putIfPresent(response, "state", state);
        response.put("iss", issuer);
        return withQuery(redirectUri, response);
    }

    private static void putIfPresent(Map<String, String> map, String key, String value) {
        if (value != null) {
            map.put(key, value);
        }
    }

    /** Appends parameters, keeping any query the redirect URI already has (RFC 6749 section 3.1.2). */
    private static String withQuery(String redirectUri, Map<String, String> params) {
        StringBuilder url = new StringBuilder(redirectUri);
        char separator = redirectUri.contains("?") ? '&' : '?';
        for (Map.Entry<String, String> p : params.entrySet()) {
            url.append(separator)
                    .append(URLEncoder.encode(p.getKey(), StandardCharsets.UTF_8))
                    .append('=')
                    .append(URLEncoder.encode(p.getValue(), StandardCharsets.UTF_8));
            separator = '&';
        }
        return url.toString();
    }
}
