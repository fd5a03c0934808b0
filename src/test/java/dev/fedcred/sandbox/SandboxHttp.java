package dev.fedcred.sandbox;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.nimbusds.oauth2.sdk.pkce.CodeChallenge;
import com.nimbusds.oauth2.sdk.pkce.CodeChallengeMethod;
import com.nimbusds.oauth2.sdk.pkce.CodeVerifier;
import java.io.IOException;
import java.net.URI;
import java.net.URLDecoder;
import java.net.URLEncoder;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.util.LinkedHashMap;
import java.util.Map;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import java.util.stream.Collectors;

/**
 * A test-side client for the sandbox: plain java.net.http, no redirect following, so every
 * Location header can be inspected. PKCE values come from the Nimbus OAuth SDK rather than from
 * the sandbox's own code, so the two sides are computed independently.
 */
final class SandboxHttp {

    static final String REDIRECT_URI = "http://127.0.0.1:53682/callback";

    private static final ObjectMapper JSON = new ObjectMapper();
    private static final Pattern HIDDEN_REQUEST_ID =
            Pattern.compile("<input type=\"hidden\" name=\"request\" value=\"([^\"]+)\">");

    private final HttpClient http = HttpClient.newBuilder()
            .followRedirects(HttpClient.Redirect.NEVER)
            .connectTimeout(Duration.ofSeconds(5))
            .build();
    private final URI issuer;

    SandboxHttp(SandboxServer server) {
        this.issuer = server.issuerUri();
    }

    /** One authorization attempt's PKCE pair, state and nonce. */
    record Attempt(CodeVerifier verifier, String challenge, String state, String nonce) {
        static Attempt fresh() {
            CodeVerifier verifier = new CodeVerifier();
            return new Attempt(verifier, CodeChallenge.compute(CodeChallengeMethod.S256, verifier).getValue(),
                    "state-" + System.nanoTime(), "nonce-" + System.nanoTime());
        }
    }

    /** A complete, valid authorization request for the attempt; tests remove or change entries. */
    static Map<String, String> authorizeParams(Attempt attempt) {
        Map<String, String> p = new LinkedHashMap<>();
        p.put("response_type", "code");
        p.put("client_id", SandboxClient.CLIENT_ID);
        p.put("redirect_uri", REDIRECT_URI);
        p.put("scope", "openid email profile");
        p.put("state", attempt.state());
        p.put("nonce", attempt.nonce());
        p.put("code_challenge", attempt.challenge());
        p.put("code_challenge_method", "S256");
        return p;
    }

    /** The token request that redeems {@code code} for the attempt; tests remove or change entries. */
    static Map<String, String> codeRedemption(String code, Attempt attempt) {
        Map<String, String> p = new LinkedHashMap<>();
        p.put("grant_type", "authorization_code");
        p.put("code", code);
        p.put("redirect_uri", REDIRECT_URI);
        p.put("client_id", SandboxClient.CLIENT_ID);
        p.put("code_verifier", attempt.verifier().getValue());
        return p;
    }

    HttpResponse<String> authorize(Map<String, String> params) throws IOException, InterruptedException {
        return get("/authorize?" + form(params));
    }

    /** Auto-approve servers only: runs /authorize and returns the code from the redirect. */
    String authorizeAndGetCode(Attempt attempt) throws IOException, InterruptedException {
        HttpResponse<String> response = authorize(authorizeParams(attempt));
        if (response.statusCode() != 302) {
            throw new AssertionError("expected a redirect, got " + response.statusCode() + ": " + response.body());
        }
        return redirectQuery(response).get("code");
    }

    HttpResponse<String> get(String path) throws IOException, InterruptedException {
        return send(HttpRequest.newBuilder(issuer.resolve(path)).GET().build());
    }

    HttpResponse<String> getWithBearer(String path, String accessToken) throws IOException, InterruptedException {
        return send(HttpRequest.newBuilder(issuer.resolve(path))
                .header("Authorization", "Bearer " + accessToken).GET().build());
    }

    HttpResponse<String> postForm(String path, Map<String, String> params) throws IOException, InterruptedException {
        return postForm(path, params, null);
    }

    HttpResponse<String> postForm(String path, Map<String, String> params, String authorization)
            throws IOException, InterruptedException {
        HttpRequest.Builder request = HttpRequest.newBuilder(issuer.resolve(path))
                .header("Content-Type", "application/x-www-form-urlencoded")
                .POST(HttpRequest.BodyPublishers.ofString(form(params)));
        if (authorization != null) {
            request.header("Authorization", authorization);
        }
        return send(request.build());
    }

    /** A form POST with a body sent exactly as given, for malformed encodings. */
    HttpResponse<String> postRawForm(String path, String body) throws IOException, InterruptedException {
        return send(HttpRequest.newBuilder(issuer.resolve(path))
                .header("Content-Type", "application/x-www-form-urlencoded")
                .POST(HttpRequest.BodyPublishers.ofString(body)).build());
    }

    private HttpResponse<String> send(HttpRequest request) throws IOException, InterruptedException {
        return http.send(request, HttpResponse.BodyHandlers.ofString());
    }

    static JsonNode json(HttpResponse<String> response) throws IOException {
        return JSON.readTree(response.body());
    }

    static String location(HttpResponse<String> response) {
        return response.headers().firstValue("Location")
                .orElseThrow(() -> new AssertionError("no Location header; status " + response.statusCode()));
    }

    /** The decoded query parameters of the Location header. */
    static Map<String, String> redirectQuery(HttpResponse<String> response) {
        String query = URI.create(location(response)).getRawQuery();
        Map<String, String> params = new LinkedHashMap<>();
        for (String pair : query.split("&")) {
            int eq = pair.indexOf('=');
            params.put(URLDecoder.decode(pair.substring(0, eq), StandardCharsets.UTF_8),
                    URLDecoder.decode(pair.substring(eq + 1), StandardCharsets.UTF_8));
        }
        return params;
    }

    /** The opaque pending-request id the sign-in page's form carries. */
    static String pendingRequestId(HttpResponse<String> signInPage) {
        Matcher m = HIDDEN_REQUEST_ID.matcher(signInPage.body());
        if (!m.find()) {
            throw new AssertionError("sign-in page has no hidden request id:\n" + signInPage.body());
        }
        return m.group(1);
    }

    static String form(Map<String, String> params) {
        return params.entrySet().stream()
                .map(e -> URLEncoder.encode(e.getKey(), StandardCharsets.UTF_8) + "="
                        + URLEncoder.encode(e.getValue(), StandardCharsets.UTF_8))
                .collect(Collectors.joining("&"));
    }
}
