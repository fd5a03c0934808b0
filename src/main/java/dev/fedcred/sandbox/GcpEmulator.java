package dev.fedcred.sandbox;

import com.fasterxml.jackson.databind.ObjectMapper;
import com.sun.net.httpserver.HttpExchange;
import com.sun.net.httpserver.HttpServer;
import java.io.IOException;
import java.time.Clock;
import java.time.format.DateTimeFormatter;
import java.time.temporal.ChronoUnit;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Set;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import java.util.stream.Collectors;

/**
 * Google Cloud workload identity federation on the sandbox's HTTPS listener: STS
 * ({@code /v1/token}), IAM Credentials' generateAccessToken
 * ({@code /v1/projects/-/serviceAccounts/EMAIL:generateAccessToken}) and {@code /v1/whoami},
 * which tells the holder of a token this emulator issued who it is, so a client can show that a
 * token works. Also Cloud Resource Manager's {@code GET /v1/projects/NUMBER}, because Node's
 * google-auth-library looks up the project ID of the audience's project number with it (point its
 * {@code cloud_resource_manager_url} at {@code <gcp-iamcredentials>projects/}). Real Google serves
 * these on separate hosts; here they share one listener, whose paths do not clash.
 *
 * <p>HTTPS because Google's auth libraries refuse a token or impersonation URL that is not
 * https; the certificate comes from {@link SandboxTls}.
 */
final class GcpEmulator implements SandboxEmulator {

    static final String PREFIX = "/v1/";
    static final String WHOAMI_PATH = "/v1/whoami";
    private static final Pattern PROJECT = Pattern.compile("/v1/projects/([0-9]+)");

    private final String baseUrl;
    private final String caFile;
    /** On the sandbox's plain HTTP listener (loopback only): PUT a {@link GcpConfigFile} JSON to replace the set-up. */
    static final String ADMIN_PATH = "/sandbox-admin/gcp-config";

    private final GcpAccessTokens tokens;
    private final IssuerSignedJwts jwts = new IssuerSignedJwts(new OidcProviderKeys());
    private final String sandboxIssuer;
    private final Clock clock;
    private final GcpFaults faults;
    /** Replaced together by {@link #configure}; a request reads the one in place when it starts. */
    private volatile Configured configured;

    private record Configured(GoogleStsEndpoint sts, IamCredentialsEndpoint iamCredentials, Set<String> projectNumbers) {
    }

    /**
     * @param baseUrl       {@code https://127.0.0.1:<port>}, the port actually bound
     * @param caFile        absolute path of the CA certificate clients are to trust
     * @param sandboxIssuer the sandbox's own issuer, trusted by the default provider when the options name none
     */
    GcpEmulator(String baseUrl, String caFile, String sandboxIssuer, SandboxOptions options, Clock clock) {
        this.baseUrl = baseUrl;
        this.caFile = caFile;
        this.clock = clock;
        this.tokens = new GcpAccessTokens(clock);
        this.sandboxIssuer = sandboxIssuer;
        this.faults = new GcpFaults(clock);
        configure(options.gcpProviders(), options.gcpServiceAccounts());
    }

    /** Puts these providers and accounts in place; an empty list means the sandbox's defaults. */
    void configure(List<GcpProvider> newProviders, List<GcpServiceAccount> newAccounts) {
        List<GcpProvider> providers = newProviders.isEmpty() ? SandboxGcp.defaultProviders(sandboxIssuer) : newProviders;
        List<GcpServiceAccount> accounts = newAccounts.isEmpty() ? SandboxGcp.defaultServiceAccounts() : newAccounts;
        configured = new Configured(new GoogleStsEndpoint(providers, jwts, tokens, clock),
                new IamCredentialsEndpoint(accounts, tokens),
                providers.stream().map(GcpProvider::projectNumber).collect(Collectors.toUnmodifiableSet()));
    }

    /**
     * {@code PUT} {@value #ADMIN_PATH} with a {@link GcpConfigFile} JSON: applies a set-up (such as
     * the one {@code fedcred setup gcp} generates) without a restart. Only from this machine.
     */
    void handleAdmin(HttpExchange exchange) throws IOException {
        if (!exchange.getRemoteAddress().getAddress().isLoopbackAddress()) {
            HttpExchanges.sendJson(exchange, 403, Map.of("error", "the sandbox's admin calls are for this machine only"));
            return;
        }
        if (!"PUT".equals(exchange.getRequestMethod())) {
            HttpExchanges.sendMethodNotAllowed(exchange, "PUT");
            return;
        }
        GcpConfigFile.Contents contents;
        try {
            contents = GcpConfigFile.parse(new ObjectMapper().readTree(HttpExchanges.readBodyBytes(exchange)));
            configure(contents.providers(), contents.serviceAccounts());
        } catch (IOException | IllegalArgumentException e) {
            HttpExchanges.sendJson(exchange, 400, Map.of("error", String.valueOf(e.getMessage())));
            return;
        }
        HttpExchanges.sendJson(exchange, 200, Map.of("providers", contents.providers().size(),
                "serviceAccounts", contents.serviceAccounts().size()));
    }

    GcpFaults faults() {
        return faults;
    }

    /** The access tokens issued here, which the sandbox's Kubernetes API server takes as GKE tokens. */
    GcpAccessTokens tokens() {
        return tokens;
    }

    /** A queued fault for {@code endpoint} answers this request instead; true if one did. */
    private boolean answeredByFault(HttpExchange exchange, GcpFaults.Endpoint endpoint) throws IOException {
        GcpFaults.Reply fault = faults.takeNext(endpoint);
        if (fault == null) {
            return false;
        }
        fault.send(exchange);
        return true;
    }

    @Override
    public void register(HttpServer server) {
        server.createContext(PREFIX, HttpExchanges.guarded(this::handle));
        server.createContext("/", HttpExchanges.guarded(GcpEmulator::notFound));
    }

    @Override
    public void describeEndpoints(Map<String, String> endpoints) {
        endpoints.put("gcp-sts", baseUrl + GoogleStsEndpoint.PATH);
        endpoints.put("gcp-iamcredentials", baseUrl + PREFIX);
        endpoints.put("gcp-whoami", baseUrl + WHOAMI_PATH);
        endpoints.put("gcp-ca", caFile);
    }

    private void handle(HttpExchange exchange) throws IOException {
        // One request per TLS connection: the JDK's HttpsServer can miss a request that arrives on
        // a kept-alive connection (its bytes sit in the SSL engine, the selector never fires), and
        // the client then waits for the idle timeout. Google's clients reconnect without trouble.
        exchange.getResponseHeaders().set("Connection", "close");
        // Decoded, so an email sent as %40 or a colon sent as %3A still matches.
        String path = exchange.getRequestURI().getPath();
        try {
            if (path.equals(GoogleStsEndpoint.PATH)) {
                if (!answeredByFault(exchange, GcpFaults.Endpoint.STS)) {
                    configured.sts().handle(exchange);
                }
                return;
            }
            if (path.equals(WHOAMI_PATH)) {
                whoami(exchange);
                return;
            }
            Matcher project = PROJECT.matcher(path);
            if (project.matches()) {
                getProject(exchange, project.group(1));
                return;
            }
            Matcher generate = IamCredentialsEndpoint.GENERATE_ACCESS_TOKEN.matcher(path);
            if (generate.matches()) {
                if (!answeredByFault(exchange, GcpFaults.Endpoint.IAM_CREDENTIALS)) {
                    configured.iamCredentials().handle(exchange, generate);
                }
                return;
            }
            notFound(exchange);
        } catch (GcpError e) {
            sendError(exchange, e);
        }
    }

    private void whoami(HttpExchange exchange) throws IOException, GcpError {
        if (!"GET".equals(exchange.getRequestMethod())) {
            HttpExchanges.sendMethodNotAllowed(exchange, "GET");
            return;
        }
        GcpAccessTokens.Issued caller = bearer(exchange, tokens);
        Map<String, Object> body = new LinkedHashMap<>();
        if (caller.kind() == GcpAccessTokens.Kind.SERVICE_ACCOUNT) {
            body.put("type", "service_account");
            body.put("email", caller.identity());
        } else {
            body.put("type", "federated");
            body.put("principal", caller.identity());
        }
        body.put("scopes", caller.scopes());
        body.put("expireTime", DateTimeFormatter.ISO_INSTANT.format(caller.expiresAt().truncatedTo(ChronoUnit.SECONDS)));
        body.put("expires_in", Math.max(0, caller.expiresAt().getEpochSecond() - clock.instant().getEpochSecond()));
        HttpExchanges.sendNoStoreJson(exchange, 200, body);
    }

    /**
     * Cloud Resource Manager v1 projects.get, for the projects the providers live in. Any token
     * this emulator issued may read them; the real API would check resourcemanager.projects.get.
     */
    private void getProject(HttpExchange exchange, String number) throws IOException, GcpError {
        if (!"GET".equals(exchange.getRequestMethod())) {
            HttpExchanges.sendMethodNotAllowed(exchange, "GET");
            return;
        }
        bearer(exchange, tokens);
        if (!configured.projectNumbers().contains(number)) {
            // Resource Manager does not reveal whether a project it will not show exists.
            throw GcpError.rpc(403, "PERMISSION_DENIED", "The caller does not have permission", List.of());
        }
        String id = SandboxGcp.PROJECT_NUMBER.equals(number) ? SandboxGcp.PROJECT_ID : "sandbox-project-" + number;
        Map<String, Object> body = new LinkedHashMap<>();
        body.put("projectNumber", number);
        body.put("projectId", id);
        body.put("lifecycleState", "ACTIVE");
        body.put("name", id);
        HttpExchanges.sendJson(exchange, 200, body);
    }

    /** The caller's token from {@code Authorization: Bearer}, or the 401 Google sends. */
    static GcpAccessTokens.Issued bearer(HttpExchange exchange, GcpAccessTokens tokens) throws GcpError {
        String authorization = exchange.getRequestHeaders().getFirst("Authorization");
        if (authorization == null || !authorization.toLowerCase(Locale.ROOT).startsWith("bearer ")) {
            throw GcpError.credentialsMissing();
        }
        return tokens.find(authorization.substring("bearer ".length()).trim())
                .orElseThrow(GcpError::invalidCredentials);
    }

    private static void notFound(HttpExchange exchange) throws IOException {
        sendError(exchange, GcpError.notFound("The requested URL " + exchange.getRequestURI().getRawPath()
                + " was not found on the fedcred sandbox's Google Cloud emulator."));
    }

    private static void sendError(HttpExchange exchange, GcpError error) throws IOException {
        if (error.httpStatus() == 401) {
            // RFC 6750 section 3, as Google's front end sends it.
            exchange.getResponseHeaders().set("WWW-Authenticate", "Bearer realm=\"https://accounts.google.com/\"");
        }
        HttpExchanges.sendJson(exchange, error.httpStatus(), error.body());
    }
}
