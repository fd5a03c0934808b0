package dev.fedcred.sandbox;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.sun.net.httpserver.HttpExchange;
import com.sun.net.httpserver.HttpServer;
import java.io.IOException;
import java.net.URI;
import java.net.URISyntaxException;
import java.net.URLDecoder;
import java.nio.charset.StandardCharsets;
import java.security.MessageDigest;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.util.Map;
import java.util.Optional;
import java.util.concurrent.ConcurrentHashMap;
import java.util.regex.Pattern;

/**
 * The AWS federation endpoint ({@code https://signin.aws.amazon.com/federation}) at
 * {@code /federation}, and a small stand-in for the console it signs in to.
 *
 * <p>{@code Action=getSigninToken} takes the {@code Session} JSON (sessionId, sessionKey,
 * sessionToken: the access key ID, secret and session token) and answers {@code {"SigninToken": ...}}
 * only for credentials the sandbox's STS issued and that have not expired; {@code SessionDuration}
 * is 900 to 43200 seconds when given. {@code Action=login} with a sign-in token less than 15 minutes
 * old redirects to {@code /aws-console/ID}, a page that names the assumed role, the region and the
 * destination (all escaped). Refusals are HTTP 400, as AWS answers a bad session.
 */
final class AwsFederationEmulator implements SandboxEmulator {
    static final String PATH = "/federation";
    static final String CONSOLE_PATH = "/aws-console/";
    /** A sign-in token works for 15 minutes, as AWS's does. */
    static final Duration SIGNIN_TOKEN_LIFETIME = Duration.ofMinutes(15);
    static final long MIN_SESSION_SECONDS = 900;
    static final long MAX_SESSION_SECONDS = 43_200;
    static final Duration DEFAULT_SESSION = Duration.ofHours(1);
    /** The consoles of the three partitions, and their regional hosts. */
    private static final Pattern CONSOLE_HOST = Pattern.compile(
            "([a-z0-9-]+\\.)*console\\.(aws\\.amazon\\.com|amazonaws\\.cn|amazonaws-us-gov\\.com)");
    private static final ObjectMapper JSON = new ObjectMapper();

    private record SigninToken(String assumedRoleArn, Duration session, Instant expiresAt) {
    }

    private record ConsoleSession(String assumedRoleArn, String region, String destination, Instant expiresAt) {
    }

    private final String endpoint;
    private final String base;
    private final IssuedAwsCredentials credentials;
    private final Clock clock;
    private final AwsFederationFaults faults = new AwsFederationFaults();
    private final Map<String, SigninToken> tokens = new ConcurrentHashMap<>();
    private final Map<String, ConsoleSession> consoles = new ConcurrentHashMap<>();

    AwsFederationEmulator(String base, IssuedAwsCredentials credentials, Clock clock) {
        this.base = base;
        this.endpoint = base + PATH;
        this.credentials = credentials;
        this.clock = clock;
    }

    AwsFederationFaults faults() {
        return faults;
    }

    @Override
    public void register(HttpServer server) {
        server.createContext(PATH, HttpExchanges.guarded(this::federation));
        server.createContext(CONSOLE_PATH, HttpExchanges.guarded(this::console));
    }

    @Override
    public void describeEndpoints(Map<String, String> endpoints) {
        endpoints.put("aws-signin", endpoint);
    }

    private void federation(HttpExchange exchange) throws IOException {
        if (!HttpExchanges.isExactPath(exchange, PATH)) {
            HttpExchanges.sendNotFound(exchange);
            return;
        }
        if (!"GET".equals(exchange.getRequestMethod())) {
            HttpExchanges.sendMethodNotAllowed(exchange, "GET");
            return;
        }
        AwsFederationFaults.OddReply fault = faults.takeNext();
        if (fault != null) {
            fault.send(exchange);
            return;
        }
        Parameters params = HttpExchanges.queryParameters(exchange);
        String action = params.get("Action");
        if ("getSigninToken".equals(action)) {
            getSigninToken(exchange, params);
        } else if ("login".equals(action)) {
            login(exchange, params);
        } else {
            refuse(exchange, "Unknown or missing Action.");
        }
    }

    private void getSigninToken(HttpExchange exchange, Parameters params) throws IOException {
        Instant now = clock.instant();
        Optional<Duration> session = sessionDuration(params.get("SessionDuration"));
        if (session.isEmpty()) {
            refuse(exchange, "SessionDuration must be a whole number of seconds from 900 to 43200.");
            return;
        }
        Optional<IssuedAwsCredentials.Issued> issued = issuedSession(params.get("Session"));
        if (issued.isEmpty()) {
            refuse(exchange, "The session is not valid: its key, secret or token is unknown.");
            return;
        }
        if (!now.isBefore(issued.get().expiration())) {
            refuse(exchange, "The session has expired.");
            return;
        }
        tokens.values().removeIf(token -> now.isAfter(token.expiresAt()));
        String token = RandomTokens.next();
        tokens.put(token, new SigninToken(issued.get().assumedRoleArn(), session.get(),
                now.plus(SIGNIN_TOKEN_LIFETIME)));
        HttpExchanges.sendNoStoreJson(exchange, 200, Map.of("SigninToken", token));
    }

    private void login(HttpExchange exchange, Parameters params) throws IOException {
        Instant now = clock.instant();
        String given = params.get("SigninToken");
        SigninToken token = given == null ? null : tokens.get(given);
        if (token == null || !now.isBefore(token.expiresAt())) {
            refuse(exchange, "The sign-in token is not valid or has expired (they work for 15 minutes).");
            return;
        }
        Optional<URI> destination = consoleUrl(params.get("Destination"));
        if (destination.isEmpty()) {
            refuse(exchange, "The Destination is not an https URL of an AWS console.");
            return;
        }
        String id = RandomTokens.next();
        consoles.values().removeIf(console -> now.isAfter(console.expiresAt()));
        consoles.put(id, new ConsoleSession(token.assumedRoleArn(), region(destination.get()),
                destination.get().toString(), now.plus(token.session())));
        HttpExchanges.sendRedirect(exchange, base + CONSOLE_PATH + id);
    }

    private void console(HttpExchange exchange) throws IOException {
        String path = exchange.getRequestURI().getRawPath();
        ConsoleSession console = consoles.get(path.substring(CONSOLE_PATH.length()));
        if (console == null || !clock.instant().isBefore(console.expiresAt())) {
            HttpExchanges.sendHtml(exchange, 403, page("Signed out",
                    "<p>This console session is not valid or has ended. Sign in again.</p>"));
            return;
        }
        HttpExchanges.sendHtml(exchange, 200, page("AWS Management Console (fedcred sandbox)",
                "<h1>AWS Management Console</h1>\n"
                        + "<p>Signed in as <code id=\"role\">" + SignInPage.escape(console.assumedRoleArn()) + "</code></p>\n"
                        + "<p>Region: <code id=\"region\">" + SignInPage.escape(console.region()) + "</code></p>\n"
                        + "<p>Destination: <code id=\"destination\">" + SignInPage.escape(console.destination())
                        + "</code></p>\n"));
    }

    private static String page(String title, String body) {
        return "<!DOCTYPE html>\n<html lang=\"en\"><head><meta charset=\"utf-8\"><title>" + SignInPage.escape(title)
                + "</title></head><body>\n<p><strong>fedcred sandbox: not a real AWS account</strong></p>\n"
                + body + "</body></html>\n";
    }

    /** The credentials the Session JSON names, when the sandbox issued them and secret and token match. */
    private Optional<IssuedAwsCredentials.Issued> issuedSession(String session) {
        if (session == null) {
            return Optional.empty();
        }
        JsonNode json;
        try {
            json = JSON.readTree(session);
        } catch (IOException e) {
            return Optional.empty();
        }
        if (json == null || !json.isObject()) {
            return Optional.empty();
        }
        String key = json.path("sessionKey").asText(null);
        String token = json.path("sessionToken").asText(null);
        return credentials.find(json.path("sessionId").asText(null))
                .filter(issued -> same(issued.secretAccessKey(), key) && same(issued.sessionToken(), token));
    }

    private static boolean same(String expected, String given) {
        return given != null && MessageDigest.isEqual(expected.getBytes(StandardCharsets.UTF_8),
                given.getBytes(StandardCharsets.UTF_8));
    }

    private static Optional<Duration> sessionDuration(String value) {
        if (value == null) {
            return Optional.of(DEFAULT_SESSION);
        }
        try {
            long seconds = Long.parseLong(value);
            return seconds < MIN_SESSION_SECONDS || seconds > MAX_SESSION_SECONDS
                    ? Optional.empty() : Optional.of(Duration.ofSeconds(seconds));
        } catch (NumberFormatException e) {
            return Optional.empty();
        }
    }

    private static Optional<URI> consoleUrl(String value) {
        if (value == null) {
            return Optional.empty();
        }
        try {
            URI uri = new URI(value);
            boolean console = "https".equals(uri.getScheme()) && uri.getHost() != null && uri.getRawUserInfo() == null
                    && CONSOLE_HOST.matcher(uri.getHost()).matches();
            return console ? Optional.of(uri) : Optional.empty();
        } catch (URISyntaxException e) {
            return Optional.empty();
        }
    }

    /** The destination's {@code region} query parameter, as the console reads it. */
    private static String region(URI destination) {
        String query = destination.getRawQuery();
        if (query != null) {
            for (String pair : query.split("&")) {
                if (pair.startsWith("region=")) {
                    try {
                        return URLDecoder.decode(pair.substring("region=".length()), StandardCharsets.UTF_8);
                    } catch (IllegalArgumentException brokenEscape) {
                        return pair.substring("region=".length());
                    }
                }
            }
        }
        return "(the console's default)";
    }

    private static void refuse(HttpExchange exchange, String why) throws IOException {
        HttpExchanges.sendHtml(exchange, 400, page("Bad request", "<p>" + SignInPage.escape(why) + "</p>"));
    }
}
