package dev.fedcred.sandbox;

import static org.assertj.core.api.Assertions.assertThat;

import java.net.http.HttpResponse;
import java.util.LinkedHashMap;
import java.util.Map;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;

/**
 * Bad authorization requests. With a trustworthy client and redirect URI the error goes back to the
 * client (RFC 6749 section 4.1.2.1); otherwise the sandbox shows an error page and never redirects.
 */
class AuthorizeRequestErrorsTest {

    private SandboxServer server;
    private SandboxHttp http;
    private SandboxHttp.Attempt attempt;
    private Map<String, String> params;

    @BeforeEach
    void start() throws Exception {
        server = SandboxServer.start(SandboxOptions.defaults().withPort(0).withAutoApprove(true));
        http = new SandboxHttp(server);
        attempt = SandboxHttp.Attempt.fresh();
        params = new LinkedHashMap<>(SandboxHttp.authorizeParams(attempt));
    }

    @AfterEach
    void stop() {
        server.close();
    }

    @Test
    void missingCodeChallengeIsRedirectedAsInvalidRequestKeepingState() throws Exception {
        params.remove("code_challenge");
        assertRedirectedError(http.authorize(params), "invalid_request");
    }

    @Test
    void plainOrMissingChallengeMethodIsRefused() throws Exception {
        params.put("code_challenge_method", "plain");
        assertRedirectedError(http.authorize(params), "invalid_request");
        params.remove("code_challenge_method");
        assertRedirectedError(http.authorize(params), "invalid_request");
    }

    @Test
    void scopeWithoutOpenidIsRefused() throws Exception {
        params.put("scope", "email profile");
        assertRedirectedError(http.authorize(params), "invalid_scope");
    }

    @Test
    void responseTypeOtherThanCodeIsRefused() throws Exception {
        params.put("response_type", "token");
        assertRedirectedError(http.authorize(params), "unsupported_response_type");
    }

    @ParameterizedTest
    @ValueSource(strings = {
            "https://127.0.0.1:53682/callback",
            "http://example.com/callback",
            "http://192.0.2.10:53682/callback",
            "http://127.0.0.1.example.com/callback",
            "http://localhost.example.com:8080/cb",
            "http://user@127.0.0.1:53682/callback",
            "http://127.0.0.1:53682/callback#fragment",
            "com.example.app:/callback",
            "not a uri"})
    void nonLoopbackRedirectUriGetsAnErrorPageNotARedirect(String redirectUri) throws Exception {
        params.put("redirect_uri", redirectUri);
        HttpResponse<String> response = http.authorize(params);
        assertThat(response.statusCode()).isEqualTo(400);
        assertThat(response.headers().firstValue("Location")).isEmpty();
        assertThat(response.headers().firstValue("Content-Type")).hasValueSatisfying(t -> assertThat(t).startsWith("text/html"));
        assertThat(response.body()).contains("not a real identity provider");
    }

    @ParameterizedTest
    @ValueSource(strings = {"http://127.0.0.1:1/", "http://localhost:65535/any/path", "http://127.0.0.1/cb", "http://LOCALHOST:8080/cb"})
    void anyLoopbackPortAndPathIsAccepted(String redirectUri) throws Exception {
        params.put("redirect_uri", redirectUri);
        HttpResponse<String> response = http.authorize(params);
        assertThat(response.statusCode()).isEqualTo(302);
        assertThat(SandboxHttp.location(response)).startsWith(redirectUri + "?code=");
    }

    @Test
    void existingQueryInRedirectUriIsKept() throws Exception {
        params.put("redirect_uri", "http://127.0.0.1:53682/callback?session=1");
        HttpResponse<String> response = http.authorize(params);
        assertThat(SandboxHttp.location(response)).startsWith("http://127.0.0.1:53682/callback?session=1&code=");
    }

    @Test
    void unknownOrMissingClientGetsAnErrorPage() throws Exception {
        params.put("client_id", "someone-else");
        HttpResponse<String> unknown = http.authorize(params);
        assertThat(unknown.statusCode()).isEqualTo(400);
        assertThat(unknown.headers().firstValue("Location")).isEmpty();

        params.remove("client_id");
        HttpResponse<String> missing = http.authorize(params);
        assertThat(missing.statusCode()).isEqualTo(400);
        assertThat(missing.headers().firstValue("Location")).isEmpty();
    }

    @Test
    void repeatedRedirectUriGetsAnErrorPage() throws Exception {
        HttpResponse<String> response = http.get("/authorize?" + SandboxHttp.form(params)
                + "&redirect_uri=" + java.net.URLEncoder.encode("http://127.0.0.1:1/other", java.nio.charset.StandardCharsets.UTF_8));
        assertThat(response.statusCode()).isEqualTo(400);
        assertThat(response.headers().firstValue("Location")).isEmpty();
    }

    @Test
    void errorPageEscapesRequestData() throws Exception {
        params.put("client_id", "<script>alert(1)</script>");
        HttpResponse<String> response = http.authorize(params);
        assertThat(response.body()).doesNotContain("<script>");
    }

    @Test
    void denyOnTheSignInPageRedirectsWithAccessDenied() throws Exception {
        try (SandboxServer manual = SandboxServer.start(SandboxOptions.defaults().withPort(0))) {
            SandboxHttp manualHttp = new SandboxHttp(manual);
            HttpResponse<String> page = manualHttp.authorize(params);
            HttpResponse<String> denied = manualHttp.postForm("/authorize/decision",
                    Map.of("request", SandboxHttp.pendingRequestId(page), "decision", "deny"));
            assertThat(denied.statusCode()).isEqualTo(302);
            assertThat(SandboxHttp.location(denied)).startsWith(SandboxHttp.REDIRECT_URI + "?");
            Map<String, String> callback = SandboxHttp.redirectQuery(denied);
            assertThat(callback)
                    .containsEntry("error", "access_denied")
                    .containsEntry("state", attempt.state())
                    .containsKey("error_description")
                    .doesNotContainKey("code");
        }
    }

    @Test
    void unknownPendingRequestIdGetsAnErrorPage() throws Exception {
        try (SandboxServer manual = SandboxServer.start(SandboxOptions.defaults().withPort(0))) {
            HttpResponse<String> response = new SandboxHttp(manual).postForm("/authorize/decision",
                    Map.of("request", "made-up", "decision", "approve"));
            assertThat(response.statusCode()).isEqualTo(400);
            assertThat(response.headers().firstValue("Location")).isEmpty();
        }
    }

    private void assertRedirectedError(HttpResponse<String> response, String error) {
        assertThat(response.statusCode()).isEqualTo(302);
        assertThat(SandboxHttp.location(response)).startsWith(SandboxHttp.REDIRECT_URI + "?");
        Map<String, String> callback = SandboxHttp.redirectQuery(response);
        assertThat(callback)
                .containsEntry("error", error)
                .containsEntry("state", attempt.state())
                .doesNotContainKey("code");
        assertThat(callback.get("error_description")).isNotBlank();
    }
}
