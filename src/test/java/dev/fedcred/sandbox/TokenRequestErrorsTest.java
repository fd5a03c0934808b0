package dev.fedcred.sandbox;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import com.nimbusds.oauth2.sdk.pkce.CodeVerifier;
import dev.fedcred.testing.MutableClock;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.time.Instant;
import java.util.Base64;
import java.util.LinkedHashMap;
import java.util.Map;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

/** Bad token requests: each must fail with the RFC 6749 section 5.2 error a real server would give. */
class TokenRequestErrorsTest {

    private MutableClock clock;
    private SandboxServer server;
    private SandboxHttp http;
    private SandboxHttp.Attempt attempt;
    private Map<String, String> redemption;

    @BeforeEach
    void start() throws Exception {
        clock = MutableClock.stoppedAt(Instant.now());
        server = SandboxServer.start(SandboxOptions.defaults().withPort(0).withAutoApprove(true), clock);
        http = new SandboxHttp(server);
        attempt = SandboxHttp.Attempt.fresh();
        redemption = new LinkedHashMap<>(SandboxHttp.codeRedemption(http.authorizeAndGetCode(attempt), attempt));
    }

    @AfterEach
    void stop() {
        server.close();
    }

    @Test
    void wrongCodeVerifierIsInvalidGrant() throws Exception {
        redemption.put("code_verifier", new CodeVerifier().getValue());
        assertTokenError(http.postForm("/token", redemption), 400, "invalid_grant");
    }

    @Test
    void missingCodeVerifierIsInvalidGrant() throws Exception {
        redemption.remove("code_verifier");
        assertTokenError(http.postForm("/token", redemption), 400, "invalid_grant");
    }

    @Test
    void failedAttemptConsumesTheCode() throws Exception {
        redemption.put("code_verifier", new CodeVerifier().getValue());
        http.postForm("/token", redemption);
        redemption.put("code_verifier", attempt.verifier().getValue());
        assertTokenError(http.postForm("/token", redemption), 400, "invalid_grant");
    }

    @Test
    void replayedCodeIsInvalidGrantAndRevokesWhatItIssued() throws Exception {
        JsonNode first = SandboxHttp.json(http.postForm("/token", redemption));
        String accessToken = first.get("access_token").asText();
        assertThat(http.getWithBearer("/userinfo", accessToken).statusCode()).isEqualTo(200);

        assertTokenError(http.postForm("/token", redemption), 400, "invalid_grant");

        assertThat(http.getWithBearer("/userinfo", accessToken).statusCode()).isEqualTo(401);
        assertTokenError(http.postForm("/token", Map.of("grant_type", "refresh_token",
                "refresh_token", first.get("refresh_token").asText(), "client_id", SandboxClient.CLIENT_ID)),
                400, "invalid_grant");
    }

    @Test
    void redirectUriMismatchIsInvalidGrant() throws Exception {
        redemption.put("redirect_uri", "http://127.0.0.1:53682/other");
        assertTokenError(http.postForm("/token", redemption), 400, "invalid_grant");
    }

    @Test
    void missingRedirectUriIsInvalidGrant() throws Exception {
        redemption.remove("redirect_uri");
        assertTokenError(http.postForm("/token", redemption), 400, "invalid_grant");
    }

    @Test
    void codeExpiresAfterSixtySeconds() throws Exception {
        clock.advance(Duration.ofSeconds(61));
        assertTokenError(http.postForm("/token", redemption), 400, "invalid_grant");
    }

    @Test
    void codeIsStillGoodJustBeforeExpiry() throws Exception {
        clock.advance(Duration.ofSeconds(59));
        assertThat(http.postForm("/token", redemption).statusCode()).isEqualTo(200);
    }

    @Test
    void unknownCodeIsInvalidGrant() throws Exception {
        redemption.put("code", "not-a-code");
        assertTokenError(http.postForm("/token", redemption), 400, "invalid_grant");
    }

    @Test
    void unknownRefreshTokenIsInvalidGrant() throws Exception {
        assertTokenError(http.postForm("/token", Map.of("grant_type", "refresh_token",
                "refresh_token", "not-a-refresh-token", "client_id", SandboxClient.CLIENT_ID)), 400, "invalid_grant");
    }

    @Test
    void refreshCannotWidenScope() throws Exception {
        Map<String, String> params = new LinkedHashMap<>(redemption);
        JsonNode tokens = SandboxHttp.json(http.postForm("/token", params));
        assertTokenError(http.postForm("/token", Map.of("grant_type", "refresh_token",
                "refresh_token", tokens.get("refresh_token").asText(), "client_id", SandboxClient.CLIENT_ID,
                "scope", "openid email profile https://www.googleapis.com/auth/cloud-platform")), 400, "invalid_scope");
    }

    @Test
    void unsupportedGrantType() throws Exception {
        assertTokenError(http.postForm("/token", Map.of("grant_type", "password",
                "client_id", SandboxClient.CLIENT_ID, "username", "u", "password", "p")), 400, "unsupported_grant_type");
    }

    @Test
    void basicAuthClientIdMismatchingTheFormIsInvalidClient() throws Exception {
        String basic = "Basic " + Base64.getEncoder().encodeToString("other-client:x".getBytes(StandardCharsets.UTF_8));
        HttpResponse<String> response = http.postForm("/token", redemption, basic);
        assertTokenError(response, 401, "invalid_client");
        assertThat(response.headers().firstValue("WWW-Authenticate")).hasValueSatisfying(v -> assertThat(v).startsWith("Basic"));
    }

    @Test
    void unknownOrMissingClientIsInvalidClient() throws Exception {
        redemption.put("client_id", "someone-else");
        assertTokenError(http.postForm("/token", redemption), 401, "invalid_client");
        redemption.remove("client_id");
        assertTokenError(http.postForm("/token", redemption), 401, "invalid_client");
    }

    @Test
    void getOnTokenEndpointIsNotAllowed() throws Exception {
        HttpResponse<String> response = http.get("/token");
        assertThat(response.statusCode()).isEqualTo(405);
        assertThat(response.headers().firstValue("Allow")).hasValue("POST");
    }

    @Test
    void userinfoWithoutOrWithUnknownTokenIs401WithWwwAuthenticate() throws Exception {
        HttpResponse<String> none = http.get("/userinfo");
        assertThat(none.statusCode()).isEqualTo(401);
        assertThat(none.headers().firstValue("WWW-Authenticate")).hasValueSatisfying(v -> assertThat(v).startsWith("Bearer"));

        HttpResponse<String> unknown = http.getWithBearer("/userinfo", "not-a-token");
        assertThat(unknown.statusCode()).isEqualTo(401);
        assertThat(unknown.headers().firstValue("WWW-Authenticate"))
                .hasValueSatisfying(v -> assertThat(v).startsWith("Bearer").contains("error=\"invalid_token\""));
        assertThat(unknown.headers().firstValue("Content-Type")).hasValue("application/json");
    }

    private static void assertTokenError(HttpResponse<String> response, int status, String error) throws Exception {
        assertThat(response.statusCode()).as(response.body()).isEqualTo(status);
        assertThat(response.headers().firstValue("Content-Type")).hasValue("application/json");
        assertThat(response.headers().firstValue("Cache-Control")).hasValue("no-store");
        JsonNode body = SandboxHttp.json(response);
        assertThat(body.get("error").asText()).isEqualTo(error);
        assertThat(body.get("error_description").asText()).isNotBlank();
        assertThat(body.has("access_token")).isFalse();
    }
}
