package dev.fedcred.sandbox;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import dev.fedcred.testing.MutableClock;
import java.net.http.HttpResponse;
import java.time.Duration;
import java.util.Map;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

/** The sandbox's device grant as RFC 8628 has it, spoken to in raw HTTP: what a client may rely on. */
class DeviceGrantProtocolTest {
    private static final String GRANT = "urn:ietf:params:oauth:grant-type:device_code";

    private final MutableClock clock = new MutableClock();
    private SandboxServer server;
    private SandboxHttp http;

    @BeforeEach
    void start() throws Exception {
        server = SandboxServer.start(SandboxOptions.defaults().withPort(0), clock);
        http = new SandboxHttp(server);
    }

    @AfterEach
    void stop() {
        server.close();
    }

    private JsonNode deviceCode(String scope) throws Exception {
        HttpResponse<String> reply = http.postForm("/device/code", Map.of("client_id", SandboxClient.CLIENT_ID, "scope", scope));
        assertThat(reply.statusCode()).as(reply.body()).isEqualTo(200);
        assertThat(reply.headers().firstValue("Cache-Control")).hasValue("no-store");
        return SandboxHttp.json(reply);
    }

    private HttpResponse<String> poll(String deviceCode) throws Exception {
        return http.postForm("/token", Map.of("grant_type", GRANT, "device_code", deviceCode,
                "client_id", SandboxClient.CLIENT_ID));
    }

    private static String error(HttpResponse<String> reply) throws Exception {
        assertThat(reply.statusCode()).isEqualTo(400);
        return SandboxHttp.json(reply).path("error").asText();
    }

    @Test
    void aCodeIsPendingUntilApprovedThenSpent() throws Exception {
        JsonNode code = deviceCode("openid email");
        String issuer = server.issuerUri().toString();
        assertThat(code.path("verification_uri").asText()).isEqualTo(issuer + "/device");
        assertThat(code.path("verification_uri_complete").asText())
                .isEqualTo(issuer + "/device?user_code=" + code.path("user_code").asText());
        assertThat(code.path("expires_in").asLong()).isEqualTo(600);
        assertThat(code.path("interval").asLong()).isEqualTo(5);
        String deviceCode = code.path("device_code").asText();

        assertThat(error(poll(deviceCode))).isEqualTo("authorization_pending");
        clock.advance(Duration.ofSeconds(5));
        String typedSloppily = code.path("user_code").asText().toLowerCase().replace("-", " ");
        assertThat(http.get("/device?user_code=" + typedSloppily.replace(" ", "+")).body()).contains("Sign in as");
        assertThat(http.postForm("/device/decision", Map.of("user_code", code.path("user_code").asText(),
                "decision", "approve")).statusCode()).isEqualTo(200);
        HttpResponse<String> tokens = poll(deviceCode);
        assertThat(tokens.statusCode()).as(tokens.body()).isEqualTo(200);
        assertThat(SandboxHttp.json(tokens).path("id_token").asText()).isNotBlank();
        clock.advance(Duration.ofSeconds(5));
        assertThat(error(poll(deviceCode))).isEqualTo("invalid_grant");
    }

    @Test
    void pollingSoonerThanTheIntervalAnswersSlowDownAndLengthensIt() throws Exception {
        String deviceCode = deviceCode("openid").path("device_code").asText();
        assertThat(error(poll(deviceCode))).isEqualTo("authorization_pending");
        clock.advance(Duration.ofSeconds(4));
        assertThat(error(poll(deviceCode))).isEqualTo("slow_down");
        clock.advance(Duration.ofSeconds(9));
        assertThat(error(poll(deviceCode))).as("now 10 s apart").isEqualTo("slow_down");
        clock.advance(Duration.ofSeconds(15));
        assertThat(error(poll(deviceCode))).isEqualTo("authorization_pending");
    }

    @Test
    void aCodePastItsLifetimeIsExpiredAndCannotBeApproved() throws Exception {
        JsonNode code = deviceCode("openid");
        clock.advance(Duration.ofMinutes(10));
        assertThat(http.postForm("/device/decision", Map.of("user_code", code.path("user_code").asText(),
                "decision", "approve")).statusCode()).isEqualTo(400);
        assertThat(error(poll(code.path("device_code").asText()))).isEqualTo("expired_token");
    }

    @Test
    void aDeniedCodeAnswersAccessDenied() throws Exception {
        JsonNode code = deviceCode("openid");
        server.deviceCodes().denyAll();
        assertThat(error(poll(code.path("device_code").asText()))).isEqualTo("access_denied");
    }

    @Test
    void badRequestsAreRefused() throws Exception {
        HttpResponse<String> noOpenid = http.postForm("/device/code", Map.of("client_id", SandboxClient.CLIENT_ID, "scope", "email"));
        assertThat(error(noOpenid)).isEqualTo("invalid_scope");
        HttpResponse<String> stranger = http.postForm("/device/code", Map.of("client_id", "stranger", "scope", "openid"));
        assertThat(stranger.statusCode()).isEqualTo(401);
        assertThat(error(poll("no-such-code"))).isEqualTo("invalid_grant");
        assertThat(http.get("/device?user_code=BBBB-CCCC").body()).contains("That code is unknown");
        server.deviceCodes().setOffered(false);
        assertThat(http.postForm("/device/code", Map.of("client_id", SandboxClient.CLIENT_ID, "scope", "openid"))
                .statusCode()).isEqualTo(404);
        assertThat(SandboxHttp.json(http.get("/.well-known/openid-configuration")).has("device_authorization_endpoint"))
                .isFalse();
    }
}
