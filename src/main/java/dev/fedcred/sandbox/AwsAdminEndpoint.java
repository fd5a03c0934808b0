package dev.fedcred.sandbox;

import com.sun.net.httpserver.HttpExchange;
import com.sun.net.httpserver.HttpServer;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.util.Map;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * The sandbox's stand-in for {@code aws iam update-assume-role-policy}: {@code PUT
 * /aws-admin/roles/NAME/trust-policy} with the policy document as the body gives the role NAME
 * (one the sandbox has, else a new one in its account; {@code roles/PATH/NAME} for a role with an
 * IAM path) that trust policy, so what {@code fedcred
 * setup aws} generated can be applied and tried. Only this machine may call it: the request must
 * come from loopback and name a loopback host (a web page a browser shows cannot reach it by DNS
 * rebinding), and a PUT is never a request a page can send across origins without a preflight,
 * which this endpoint does not answer.
 */
final class AwsAdminEndpoint implements SandboxEmulator {
    static final String PATH = "/aws-admin/";
    private static final Pattern TRUST_POLICY = Pattern.compile("/aws-admin/roles/((?:[\\w+=,.@-]+/)*[\\w+=,.@-]{1,64})/trust-policy");
    private static final Pattern LOOPBACK_HOST = Pattern.compile("(127\\.0\\.0\\.1|localhost|\\[::1\\])(:\\d+)?");

    private final AwsStsEmulator sts;

    AwsAdminEndpoint(AwsStsEmulator sts) {
        this.sts = sts;
    }

    @Override
    public void register(HttpServer server) {
        server.createContext(PATH, HttpExchanges.guarded(this::handle));
    }

    @Override
    public void describeEndpoints(Map<String, String> endpoints) {
        // Not listed: the endpoints are what a client of the emulated services needs; this one is
        // documented with `fedcred sandbox --aws-trust-policy`.
    }

    private void handle(HttpExchange exchange) throws IOException {
        String host = exchange.getRequestHeaders().getFirst("Host");
        if (!exchange.getRemoteAddress().getAddress().isLoopbackAddress() || host == null
                || !LOOPBACK_HOST.matcher(host).matches()) {
            HttpExchanges.sendJson(exchange, 403, HttpExchanges.error("forbidden", "the admin endpoint is for this machine only"));
            return;
        }
        Matcher path = TRUST_POLICY.matcher(exchange.getRequestURI().getRawPath());
        if (!path.matches()) {
            HttpExchanges.sendNotFound(exchange);
            return;
        }
        if (!"PUT".equals(exchange.getRequestMethod())) {
            HttpExchanges.sendMethodNotAllowed(exchange, "PUT");
            return;
        }
        String document = new String(HttpExchanges.readBodyBytes(exchange), StandardCharsets.UTF_8);
        String roleArn = sts.roleArnNamed(path.group(1));
        try {
            sts.putTrustPolicy(roleArn, document);
        } catch (IllegalArgumentException e) {
            HttpExchanges.sendJson(exchange, 400, HttpExchanges.error("MalformedPolicyDocument", e.getMessage()));
            return;
        }
        HttpExchanges.sendJson(exchange, 200, Map.of("RoleArn", roleArn));
    }
}
