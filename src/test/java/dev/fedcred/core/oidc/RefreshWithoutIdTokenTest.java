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
import java.time.Instant;
import java.util.Map;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

/**
 * Providers may answer the refresh grant without an ID token (OIDC Core 12.2 makes it
 * optional) and may rotate the refresh token. This provider does both, so the client must keep
 * the ID token it has and the new refresh token.
 */
class RefreshWithoutIdTokenTest {
    private HttpServer provider;
    private String issuer;
    private volatile String tokenResponse;

    @BeforeEach
    void start() throws IOException {
        provider = HttpServer.create(new InetSocketAddress(InetAddress.getLoopbackAddress(), 0), 0);
        issuer = "http://127.0.0.1:" + provider.getAddress().getPort();
        provider.createContext("/.well-known/openid-configuration", exchange -> json(exchange, 200, """
                {"issuer":"%1$s","authorization_endpoint":"%1$s/authorize","token_endpoint":"%1$s/token",
                 "jwks_uri":"%1$s/jwks","response_types_supported":["code"],"subject_types_supported":["public"],
                 "id_token_signing_alg_values_supported":["RS256"]}""".formatted(issuer)));
        provider.createContext("/token", exchange -> json(exchange, tokenResponse.contains("error") ? 400 : 200, tokenResponse));
        provider.start();
    }

    @AfterEach
    void stop() {
        provider.stop(0);
    }

    private static void json(HttpExchange exchange, int status, String body) throws IOException {
        byte[] bytes = body.getBytes(StandardCharsets.UTF_8);
        exchange.getResponseHeaders().set("Content-Type", "application/json");
        exchange.sendResponseHeaders(status, bytes.length);
        try (OutputStream out = exchange.getResponseBody()) {
            out.write(bytes);
        }
    }

    private SignInService service() {
        Duration timeout = Duration.ofSeconds(5);
        return new SignInService(new ProviderDiscovery(timeout), new TokenEndpointClient(timeout),
                new IdTokenVerifier(Clock.systemUTC()), Clock.systemUTC());
    }

    private TokenSet current() {
        return new TokenSet("plain", "header.payload.signature", Map.of("alg", "RS256"), Map.of("sub", "user-1"),
                Instant.now().plusSeconds(600), Instant.now(), "old-refresh-token");
    }

    private IssuerConfig config() {
        return new IssuerConfig("plain", IssuerKind.GENERIC, URI.create(issuer), "cid", null, null, null);
    }

    @Test
    void keepsTheCurrentIdTokenAndTheRotatedRefreshToken() {
        tokenResponse = """
                {"access_token":"at-1","token_type":"Bearer","expires_in":3600,"refresh_token":"rotated-refresh-token"}""";
        TokenSet renewed = service().refresh(config(), current());
        assertThat(renewed.rawIdToken()).isEqualTo(current().rawIdToken());
        assertThat(renewed.refreshToken()).isEqualTo("rotated-refresh-token");
    }

    @Test
    void aRevokedRefreshTokenSaysToSignInAgain() {
        tokenResponse = """
                {"error":"invalid_grant","error_description":"Token has been expired or revoked."}""";
        assertThatThrownBy(() -> service().refresh(config(), current()))
                .isInstanceOf(TokenRequestException.class)
                .hasMessageContaining("invalid_grant (Token has been expired or revoked.)")
                .hasMessageContaining("sign in again")
                .hasMessageNotContaining("old-refresh-token");
    }

    @Test
    void withoutARefreshTokenThereIsNothingToRenew() {
        TokenSet noRefresh = current().withRefreshToken(null);
        assertThatThrownBy(() -> service().refresh(config(), noRefresh))
                .isInstanceOf(TokenRequestException.class).hasMessageContaining("no refresh token");
    }
}
