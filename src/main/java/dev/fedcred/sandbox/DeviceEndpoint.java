package dev.fedcred.sandbox;

import com.sun.net.httpserver.HttpExchange;
import java.io.IOException;
import java.net.URLEncoder;
import java.nio.charset.StandardCharsets;
import java.util.Arrays;
import java.util.LinkedHashMap;
import java.util.LinkedHashSet;
import java.util.Map;
import java.util.Optional;
import java.util.Set;

/**
 * The device authorization grant's two faces (RFC 8628): {@code /device/code}, where a client gets
 * a device code and a user code (section 3.1), and {@code /device}, the verification page where the
 * user types the code and approves or denies (section 3.3). With auto-approve a code is approved as
 * it is issued, as the browser sign-in skips its page. The token endpoint redeems the codes.
 */
final class DeviceEndpoint {
    static final String DEVICE_CODE_PATH = "/device/code";
    static final String VERIFICATION_PATH = "/device";
    static final String DECISION_PATH = "/device/decision";

    private final String issuer;
    private final boolean autoApprove;
    private final DeviceCodes codes;

    DeviceEndpoint(String issuer, boolean autoApprove, DeviceCodes codes) {
        this.issuer = issuer;
        this.autoApprove = autoApprove;
        this.codes = codes;
    }

    void handleDeviceCode(HttpExchange exchange) throws IOException {
        if (!HttpExchanges.isExactPath(exchange, DEVICE_CODE_PATH) || !codes.offered()) {
            HttpExchanges.sendNotFound(exchange);
            return;
        }
        if (!"POST".equals(exchange.getRequestMethod())) {
            HttpExchanges.sendMethodNotAllowed(exchange, "POST");
            return;
        }
        try {
            if (!HttpExchanges.hasFormBody(exchange)) {
                throw OAuthError.invalidRequest("the device authorization request must be application/x-www-form-urlencoded");
            }
            Parameters params = HttpExchanges.formParameters(exchange);
            var repeated = params.firstRepeated();
            if (repeated.isPresent()) {
                throw OAuthError.invalidRequest("parameter " + repeated.get() + " must not be repeated");
            }
            String clientId = TokenEndpoint.identifyClient(exchange, params);
            Set<String> granted = grantedScopes(params.get("scope"));
            DeviceCodes.Issued issued = codes.issue(clientId, granted, autoApprove);
            Map<String, Object> reply = new LinkedHashMap<>();
            reply.put("device_code", issued.deviceCode());
            reply.put("user_code", issued.userCode());
            reply.put("verification_uri", issuer + VERIFICATION_PATH);
            reply.put("verification_uri_complete", issuer + VERIFICATION_PATH + "?user_code="
                    + URLEncoder.encode(issued.userCode(), StandardCharsets.UTF_8));
            reply.put("expires_in", issued.lifetime().toSeconds());
            reply.put("interval", issued.interval().toSeconds());
            HttpExchanges.sendNoStoreJson(exchange, 200, reply);
        } catch (OAuthError e) {
            HttpExchanges.sendNoStoreJson(exchange, e.httpStatus(), HttpExchanges.error(e.error(), e.description()));
        }
    }

    void handleVerification(HttpExchange exchange) throws IOException {
        if (!HttpExchanges.isExactPath(exchange, VERIFICATION_PATH)) {
            HttpExchanges.sendNotFound(exchange);
            return;
        }
        if (!"GET".equals(exchange.getRequestMethod())) {
            HttpExchanges.sendMethodNotAllowed(exchange, "GET");
            return;
        }
        String typed = HttpExchanges.queryParameters(exchange).get("user_code");
        if (typed == null || typed.isBlank()) {
            HttpExchanges.sendHtml(exchange, 200, DevicePage.enterCode(null));
            return;
        }
        String userCode = DeviceCodes.normalised(typed);
        Optional<Set<String>> scopes = codes.waiting(userCode);
        if (scopes.isEmpty()) {
            HttpExchanges.sendHtml(exchange, 200, DevicePage.enterCode(
                    "That code is unknown, expired or already answered. Check the code your device shows."));
            return;
        }
        HttpExchanges.sendHtml(exchange, 200, DevicePage.approve(userCode, SandboxClient.CLIENT_ID, scopes.get()));
    }

    void handleDecision(HttpExchange exchange) throws IOException {
        if (!HttpExchanges.isExactPath(exchange, DECISION_PATH)) {
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
        String decision = params.get("decision");
        if (!"approve".equals(decision) && !"deny".equals(decision)) {
            HttpExchanges.sendHtml(exchange, 400, SignInPage.error("decision must be approve or deny"));
            return;
        }
        boolean approve = "approve".equals(decision);
        if (!codes.decide(params.get("user_code"), approve)) {
            HttpExchanges.sendHtml(exchange, 400, DevicePage.enterCode(
                    "That code is unknown, expired or already answered. Start the sign-in on your device again."));
            return;
        }
        HttpExchanges.sendHtml(exchange, 200, DevicePage.decided(approve));
    }

    /** As the authorization endpoint: openid required, unknown scopes dropped (RFC 6749 section 3.3). */
    private static Set<String> grantedScopes(String scope) throws OAuthError {
        Set<String> requested = new LinkedHashSet<>();
        if (scope != null) {
            Arrays.stream(scope.split(" ")).filter(s -> !s.isEmpty()).forEach(requested::add);
        }
        if (!requested.contains("openid")) {
            throw OAuthError.invalidScope("scope must include openid");
        }
        requested.retainAll(AuthorizeEndpoint.SUPPORTED_SCOPES);
        return requested;
    }
}
