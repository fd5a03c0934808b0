package dev.fedcred.core.oidc;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import com.sun.net.httpserver.HttpExchange;
import com.sun.net.httpserver.HttpServer;
import java.io.IOException;
import java.io.OutputStream;
import java.net.InetAddress;
import java.net.InetSocketAddress;
import java.net.URI;
import java.nio.charset.StandardCharsets;
import java.time.Clock;
import java.time.Duration;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

/**
 * What an issuer's device authorization reply may make fedcred show: the page to enter the code
 * on must be https (plain http only on this computer, for the sandbox), and the page and code are
 * shown neutralised, since they are the issuer's words.
 */
class DeviceCodeReplyTest {
    private static final Duration TIMEOUT = Duration.ofSeconds(5);

    private HttpServer provider;
    private String issuer;
    private volatile String deviceReply;

    @BeforeEach
    void start() throws IOException {
        provider = HttpServer.create(new InetSocketAddress(InetAddress.getLoopbackAddress(), 0), 0);
        issuer = "http://127.0.0.1:" + provider.getAddress().getPort();
        provider.createContext("/.well-known/openid-configuration", exchange -> send(exchange, """
                {"issuer":"%1$s","authorization_endpoint":"%1$s/authorize","token_endpoint":"%1$s/token",
                 "device_authorization_endpoint":"%1$s/device/code",
                 "jwks_uri":"%1$s/jwks","response_types_supported":["code"],"subject_types_supported":["public"],
                 "id_token_signing_alg_values_supported":["RS256"]}""".formatted(issuer)));
        provider.createContext("/device/code", exchange -> send(exchange, deviceReply));
        provider.start();
    }

    @AfterEach
    void stop() {
        provider.stop(0);
    }

    private static void send(HttpExchange exchange, String json) throws IOException {
        byte[] body = json.getBytes(StandardCharsets.UTF_8);
        exchange.getResponseHeaders().set("Content-Type", "application/json");
        exchange.sendResponseHeaders(json.contains("\"error\"") ? 400 : 200, body.length);
        try (OutputStream out = exchange.getResponseBody()) {
            out.write(body);
        }
    }

    private PendingDeviceSignIn begin() {
        SignInService service = new SignInService(new ProviderDiscovery(TIMEOUT), new TokenEndpointClient(TIMEOUT),
                new IdTokenVerifier(Clock.systemUTC()), Clock.systemUTC());
        return service.beginDevice(new IssuerConfig("odd", IssuerKind.GENERIC, URI.create(issuer), "cid", null, null, null));
    }

    private static String reply(String userCode, String page) {
        return """
                {"device_code":"dc","user_code":"%s","verification_uri":"%s","expires_in":600,"interval":5}"""
                .formatted(userCode, page);
    }

    @Test
    void aPlainHttpPageElsewhereIsRefused() {
        deviceReply = reply("ABCD-EFGH", "http://198.51.100.7/device");

        assertThatThrownBy(this::begin).isInstanceOf(InsecureEndpointException.class)
                .hasMessageContaining("http://198.51.100.7/device")
                .hasMessageContaining("verification_uri")
                .hasMessageContaining("only to https pages");
    }

    @Test
    void aPlainHttpPageWithTheCodeElsewhereIsRefusedToo() {
        deviceReply = reply("ABCD-EFGH", "https://id.example.com/device").replace("}",
                ",\"verification_uri_complete\":\"http://198.51.100.7/device?c=1\"}");

        assertThatThrownBy(this::begin).isInstanceOf(InsecureEndpointException.class)
                .hasMessageContaining("verification_uri_complete");
    }

    @Test
    void theCodeAndPageAreShownNeutralised() {
        deviceReply = reply("AB\\u001b]0;pwned\\u0007CD-\\u202eEFGH", "https://id.example.com/device/\\u202etxt.exe");

        DeviceCodePrompt prompt = begin().prompt();

        assertThat(prompt.shownUserCode()).isEqualTo("AB\\u001B]0;pwned\\u0007CD-\\u202EEFGH");
        assertThat(prompt.shownVerificationUri()).doesNotContain("\u202e").contains("\\u202E");
        assertThat(prompt.shownVerificationUriComplete()).isEmpty();
        assertThat(prompt.timeLeft(Clock.systemUTC().instant())).isBetween(Duration.ofSeconds(590), Duration.ofSeconds(600));
    }

    @Test
    void aRefusalOfTheDeviceEndpointSaysWhatToDoWithoutControlCharacters() {
        deviceReply = "{\"error\":\"invalid_client\",\"error_description\":\"no such client\\u001b[2J\\u202e\"}";

        assertThatThrownBy(this::begin).isInstanceOf(TokenRequestException.class)
                .hasMessageContaining("The issuer's device authorization endpoint refused the request: invalid_client")
                .hasMessageContaining("(no such client")
                .hasMessageNotContaining("\u001b").hasMessageNotContaining("\u202e")
                .hasMessageContaining("Check this issuer's client ID and client secret");
    }

    @Test
    void anIssuerThatAsksForMoreThanHalfAnHourIsWaitedForHalfAnHour() {
        deviceReply = reply("ABCD-EFGH", "https://id.example.com/device").replace("600", "864000");

        assertThat(begin().prompt().timeLeft(Clock.systemUTC().instant()))
                .isBetween(Duration.ofMinutes(29), Duration.ofMinutes(30));
    }
}
