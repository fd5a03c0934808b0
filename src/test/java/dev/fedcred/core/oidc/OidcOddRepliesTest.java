package dev.fedcred.core.oidc;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatCode;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import com.nimbusds.jose.KeySourceException;
import com.nimbusds.jose.jwk.JWK;
import com.nimbusds.jose.jwk.JWKMatcher;
import com.nimbusds.jose.jwk.JWKSelector;
import com.nimbusds.oauth2.sdk.RefreshTokenGrant;
import com.nimbusds.oauth2.sdk.token.RefreshToken;
import com.nimbusds.openid.connect.sdk.op.OIDCProviderMetadata;
import com.sun.net.httpserver.HttpExchange;
import com.sun.net.httpserver.HttpServer;
import dev.fedcred.core.net.ReplyTooLargeException;
import java.io.IOException;
import java.io.OutputStream;
import java.net.InetAddress;
import java.net.InetSocketAddress;
import java.net.URI;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.util.Arrays;
import java.util.List;
import java.util.concurrent.Executors;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

/**
 * Discovery and the token endpoint against a provider that floods, hangs, trickles or names
 * plain-http endpoints: each ends in a clear failure within the limit and the deadline. The big
 * replies are streamed, never built in memory, and would end in OutOfMemoryError under -Xmx128m
 * if read whole.
 */
class OidcOddRepliesTest {
    private static final Duration DEADLINE = Duration.ofSeconds(2);

    private HttpServer provider;
    private String issuer;
    private volatile String tokenEndpoint;
    private volatile String discoveryMode = "normal";
    private volatile String keysMode = "flood";

    @BeforeEach
    void start() throws IOException {
        provider = HttpServer.create(new InetSocketAddress(InetAddress.getLoopbackAddress(), 0), 0);
        provider.setExecutor(Executors.newCachedThreadPool(runnable -> {
            Thread thread = new Thread(runnable, "odd-provider");
            thread.setDaemon(true);
            return thread;
        }));
        issuer = "http://127.0.0.1:" + provider.getAddress().getPort();
        tokenEndpoint = issuer + "/token";
        provider.createContext("/.well-known/openid-configuration", this::discovery);
        provider.createContext("/token", exchange -> flood(exchange, 200L * 1024 * 1024));
        provider.createContext("/jwks", exchange -> {
            if ("trickle".equals(keysMode)) {
                trickle(exchange);
            } else {
                flood(exchange, 60L * 1024 * 1024);
            }
            exchange.close();
        });
        provider.start();
    }

    @AfterEach
    void stop() {
        provider.stop(0);
    }

    private void discovery(HttpExchange exchange) throws IOException {
        switch (discoveryMode) {
            case "flood" -> flood(exchange, 60L * 1024 * 1024);
            case "hang" -> sleep(DEADLINE.multipliedBy(3));
            case "trickle" -> trickle(exchange);
            default -> {
                byte[] body = document(issuer, tokenEndpoint).getBytes(StandardCharsets.UTF_8);
                exchange.getResponseHeaders().set("Content-Type", "application/json");
                exchange.sendResponseHeaders(200, body.length);
                try (OutputStream out = exchange.getResponseBody()) {
                    out.write(body);
                }
            }
        }
        exchange.close();
    }

    /** A byte every 200 ms: never long enough silent for a read timeout, for 20 s in all. */
    private static void trickle(HttpExchange exchange) throws IOException {
        exchange.sendResponseHeaders(200, 0);
        try (OutputStream out = exchange.getResponseBody()) {
            for (int i = 0; i < 100; i++) {
                out.write(' ');
                out.flush();
                sleep(Duration.ofMillis(200));
            }
        } catch (IOException clientGaveUp) {
            // expected
        }
    }

    private static String document(String issuer, String tokenEndpoint) {
        return """
                {"issuer":"%1$s","authorization_endpoint":"%1$s/authorize","token_endpoint":"%2$s",
                 "jwks_uri":"%1$s/jwks","response_types_supported":["code"],"subject_types_supported":["public"],
                 "id_token_signing_alg_values_supported":["RS256"]}""".formatted(issuer, tokenEndpoint);
    }

    /** A JSON string value that never ends, streamed in 64 KiB chunks. */
    private static void flood(HttpExchange exchange, long bytes) {
        byte[] chunk = new byte[64 * 1024];
        Arrays.fill(chunk, (byte) 'a');
        try (OutputStream out = exchange.getResponseBody()) {
            exchange.getResponseHeaders().set("Content-Type", "application/json");
            exchange.sendResponseHeaders(200, 0);
            out.write("{\"issuer\":\"".getBytes(StandardCharsets.UTF_8));
            for (long left = bytes; left > 0; left -= chunk.length) {
                out.write(chunk);
            }
        } catch (IOException clientStoppedReading) {
            // what a bounded client does
        }
    }

    private static void sleep(Duration duration) {
        try {
            Thread.sleep(duration.toMillis());
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
        }
    }

    private ProviderDiscovery discovery() {
        return new ProviderDiscovery(DEADLINE);
    }

    @Test
    void aHugeDiscoveryDocumentStopsAtTheLimitNamingIt() {
        discoveryMode = "flood";
        assertThatThrownBy(() -> discovery().discover(URI.create(issuer)))
                .isInstanceOf(ReplyTooLargeException.class)
                .hasMessageContaining("OpenID Connect discovery document from " + issuer + "/.well-known/openid-configuration")
                .hasMessageContaining("larger than 1 MiB");
    }

    @Test
    void aHugeTokenResponseStopsAtTheLimitNamingIt() {
        DiscoveredProvider discovered = discovery().discover(URI.create(issuer));
        IssuerConfig config = new IssuerConfig("odd", IssuerKind.GENERIC, URI.create(issuer), "cid", null, null, null);
        assertThatThrownBy(() -> new TokenEndpointClient(DEADLINE).exchange(discovered.metadata(), config,
                new RefreshTokenGrant(new RefreshToken("r"))))
                .isInstanceOf(ReplyTooLargeException.class)
                .hasMessageContaining("token endpoint reply from " + issuer + "/token")
                .hasMessageContaining("larger than 1 MiB");
    }

    @Test
    void aHangingIssuerFailsAtTheDeadline() {
        discoveryMode = "hang";
        long start = System.nanoTime();
        assertThatThrownBy(() -> discovery().discover(URI.create(issuer)))
                .isInstanceOf(IssuerUnreachableException.class).hasMessageContaining("did not answer within 2 s");
        assertThat(Duration.ofNanos(System.nanoTime() - start)).isLessThan(DEADLINE.plusSeconds(2));
    }

    @Test
    void anIssuerThatTricklesFailsAtTheDeadlineToo() {
        discoveryMode = "trickle";
        long start = System.nanoTime();
        assertThatThrownBy(() -> discovery().discover(URI.create(issuer)))
                .isInstanceOf(IssuerUnreachableException.class).hasMessageContaining("did not answer within 2 s");
        assertThat(Duration.ofNanos(System.nanoTime() - start)).isLessThan(DEADLINE.plusSeconds(2));
    }

    private static List<JWK> anyKey(DiscoveredProvider discovered) throws KeySourceException {
        return discovered.keys().get(new JWKSelector(new JWKMatcher.Builder().build()), null);
    }

    @Test
    void aHugeKeySetStopsAtItsLimit() {
        DiscoveredProvider discovered = discovery().discover(URI.create(issuer));
        assertThatThrownBy(() -> anyKey(discovered)).isInstanceOf(KeySourceException.class)
                .hasMessageContaining("JSON Web Key Set larger than 256 KiB");
    }

    @Test
    void aKeySetThatTricklesFailsAtTheDeadline() {
        keysMode = "trickle";
        DiscoveredProvider discovered = discovery().discover(URI.create(issuer));
        long start = System.nanoTime();
        assertThatThrownBy(() -> anyKey(discovered)).isInstanceOf(KeySourceException.class);
        // the key source retries once on a failed fetch
        assertThat(Duration.ofNanos(System.nanoTime() - start)).isLessThan(DEADLINE.multipliedBy(2).plusSeconds(2));
    }

    @Test
    void aLoopbackIssuerMayNotSendTheCodeToAPlainHttpHostElsewhere() {
        tokenEndpoint = "http://tokens.example.com/token";
        assertThatThrownBy(() -> discovery().discover(URI.create(issuer)))
                .isInstanceOf(InsecureEndpointException.class)
                .hasMessageContaining("http://tokens.example.com/token as its token_endpoint")
                .hasMessageContaining("only over https");
    }

    @Test
    void anHttpsIssuerMayNotNameAPlainHttpEndpoint() throws Exception {
        URI https = URI.create("https://id.example.com");
        for (String field : new String[] {"token_endpoint", "jwks_uri", "authorization_endpoint",
                "device_authorization_endpoint", "userinfo_endpoint", "revocation_endpoint"}) {
            String json = """
                    {"issuer":"https://id.example.com","authorization_endpoint":"https://id.example.com/a",
                     "token_endpoint":"https://id.example.com/t","jwks_uri":"https://id.example.com/k",
                     "response_types_supported":["code"],"subject_types_supported":["public"],
                     "id_token_signing_alg_values_supported":["RS256"]}""";
            String plain = json.replace("}", ",\"%s\":\"http://id.example.com/%s\"}".formatted(field, field))
                    .replaceFirst("\"" + field + "\":\"https://[^\"]*\",?", "");
            OIDCProviderMetadata metadata = OIDCProviderMetadata.parse(plain);
            assertThatThrownBy(() -> DiscoveredEndpoints.requireSecure(https, metadata)).as(field)
                    .isInstanceOf(InsecureEndpointException.class)
                    .hasMessageContaining("http://id.example.com/" + field + " as its " + field);
            // not even to this computer: the issuer is not a loopback http issuer
            OIDCProviderMetadata loopback = OIDCProviderMetadata.parse(plain.replace("http://id.example.com", "http://127.0.0.1:1"));
            assertThatThrownBy(() -> DiscoveredEndpoints.requireSecure(https, loopback)).as(field)
                    .isInstanceOf(InsecureEndpointException.class);
        }
        assertThatCode(() -> DiscoveredEndpoints.requireSecure(https, OIDCProviderMetadata.parse("""
                {"issuer":"https://id.example.com","authorization_endpoint":"https://id.example.com/a",
                 "token_endpoint":"https://id.example.com/t","jwks_uri":"https://id.example.com/k",
                 "response_types_supported":["code"],"subject_types_supported":["public"],
                 "id_token_signing_alg_values_supported":["RS256"]}"""))).doesNotThrowAnyException();
    }

    @Test
    void aLoopbackHttpIssuerMayUsePlainHttpOnThisComputer() {
        tokenEndpoint = "http://localhost:" + provider.getAddress().getPort() + "/token";
        assertThat(discovery().discover(URI.create(issuer)).metadata().getTokenEndpointURI())
                .hasToString(tokenEndpoint);
    }
}
