package dev.fedcred.sandbox;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.sun.net.httpserver.HttpExchange;
import java.io.IOException;
import java.time.Duration;
import java.time.format.DateTimeFormatter;
import java.time.temporal.ChronoUnit;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.function.Function;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import java.util.stream.Collectors;

/**
 * Google's IAM Service Account Credentials API, the one method workload identity federation uses:
 * {@code POST /v1/projects/-/serviceAccounts/EMAIL:generateAccessToken}, called with a federated
 * token from STS as the bearer credential. The service account must list the caller's federated
 * principal (or its whole pool) as a {@code roles/iam.workloadIdentityUser}.
 */
final class IamCredentialsEndpoint {

    static final String PERMISSION = "iam.serviceAccounts.getAccessToken";
    static final Duration DEFAULT_LIFETIME = Duration.ofHours(1);
    static final Duration MIN_LIFETIME = Duration.ofMinutes(10);
    /** Real IAM allows more than an hour only under an organisation policy; the sandbox always allows 12 hours. */
    static final Duration MAX_LIFETIME = Duration.ofHours(12);

    /** Group 1 the project ("-"), group 2 the account; the path is matched after percent-decoding. */
    static final Pattern GENERATE_ACCESS_TOKEN = Pattern.compile("/v1/projects/([^/]+)/serviceAccounts/([^/:]+):generateAccessToken");
    /** A protobuf Duration in JSON: seconds with up to nine fractional digits, then "s". */
    private static final Pattern DURATION = Pattern.compile("(\\d{1,12})(?:\\.(\\d{1,9}))?s");
    private static final ObjectMapper JSON = new ObjectMapper();

    private final Map<String, GcpServiceAccount> accountsByEmail;
    private final GcpAccessTokens tokens;

    IamCredentialsEndpoint(List<GcpServiceAccount> accounts, GcpAccessTokens tokens) {
        this.accountsByEmail = accounts.stream()
                .collect(Collectors.toUnmodifiableMap(GcpServiceAccount::email, Function.identity()));
        this.tokens = tokens;
    }

    void handle(HttpExchange exchange, Matcher path) throws IOException, GcpError {
        if (!"POST".equals(exchange.getRequestMethod())) {
            HttpExchanges.sendMethodNotAllowed(exchange, "POST");
            return;
        }
        GcpAccessTokens.Issued caller = GcpEmulator.bearer(exchange, tokens);
        String project = path.group(1);
        String email = path.group(2);
        if (!"-".equals(project)) {
            // IAM wants the wildcard: the account's email already names its project.
            throw GcpError.invalidArgument("The project in the resource name must be the wildcard '-': "
                    + "projects/-/serviceAccounts/" + email);
        }
        JsonNode body = requestBody(exchange);
        List<String> scopes = scopes(body);
        Duration lifetime = lifetime(body);
        if (body.has("delegates") && body.get("delegates").size() > 0) {
            throw GcpError.invalidArgument("The fedcred sandbox does not emulate delegation chains; send no delegates.");
        }
        GcpServiceAccount account = accountsByEmail.get(email);
        // Only a federated principal can hold roles/iam.workloadIdentityUser; a service account
        // token would need roles/iam.serviceAccountTokenCreator, which the sandbox does not model.
        if (account == null || caller.kind() != GcpAccessTokens.Kind.FEDERATED
                || !account.allows(caller.identity(), caller.poolName())) {
            throw GcpError.permissionDenied(PERMISSION);
        }
        GcpAccessTokens.Issued issued = tokens.issue(GcpAccessTokens.Kind.SERVICE_ACCOUNT, account.email(),
                caller.poolName(), scopes, lifetime);
        Map<String, Object> response = new LinkedHashMap<>();
        response.put("accessToken", issued.value());
        // RFC 3339 in UTC with a Z, whole seconds, as IAM writes it.
        response.put("expireTime", DateTimeFormatter.ISO_INSTANT.format(issued.expiresAt().truncatedTo(ChronoUnit.SECONDS)));
        HttpExchanges.sendNoStoreJson(exchange, 200, response);
    }

    private static JsonNode requestBody(HttpExchange exchange) throws IOException, GcpError {
        byte[] bytes = HttpExchanges.readBodyBytes(exchange);
        try {
            JsonNode body = bytes.length == 0 ? JSON.createObjectNode() : JSON.readTree(bytes);
            if (body == null || !body.isObject()) {
                throw GcpError.invalidArgument("Invalid JSON payload received. The request body must be a JSON object.");
            }
            return body;
        } catch (IOException e) {
            throw GcpError.invalidArgument("Invalid JSON payload received.");
        }
    }

    private static List<String> scopes(JsonNode body) throws GcpError {
        JsonNode scope = body.get("scope");
        List<String> scopes = new ArrayList<>();
        if (scope != null && scope.isArray()) {
            scope.forEach(s -> {
                if (s.isTextual() && !s.asText().isBlank()) {
                    scopes.add(s.asText());
                }
            });
        } else if (scope != null && scope.isTextual() && !scope.asText().isBlank()) {
            scopes.add(scope.asText());
        }
        if (scopes.isEmpty()) {
            throw GcpError.invalidArgument("Scope required.");
        }
        return scopes;
    }

    private static Duration lifetime(JsonNode body) throws GcpError {
        JsonNode value = body.get("lifetime");
        if (value == null || value.isNull()) {
            return DEFAULT_LIFETIME;
        }
        Matcher m = DURATION.matcher(value.asText());
        if (!value.isTextual() || !m.matches()) {
            throw GcpError.invalidArgument("Invalid value at 'lifetime' (type.googleapis.com/google.protobuf.Duration), \""
                    + value.asText() + "\"");
        }
        Duration lifetime = Duration.ofSeconds(Long.parseLong(m.group(1)));
        if (lifetime.compareTo(MIN_LIFETIME) < 0 || lifetime.compareTo(MAX_LIFETIME) > 0) {
            throw GcpError.invalidArgument("The lifetime must be between " + MIN_LIFETIME.toSeconds() + "s and "
                    + MAX_LIFETIME.toSeconds() + "s; was " + value.asText() + ".");
        }
        return lifetime;
    }
}
