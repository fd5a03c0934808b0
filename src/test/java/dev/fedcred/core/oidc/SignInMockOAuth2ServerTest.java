package dev.fedcred.core.oidc;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import dev.fedcred.testing.FakeBrowser;
import java.net.URI;
import java.net.http.HttpResponse;
import java.time.Clock;
import java.time.Duration;
import java.util.Map;
import no.nav.security.mock.oauth2.MockOAuth2Server;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

/** The whole code + PKCE flow against mock-oauth2-server, an independent OIDC implementation. */
class SignInMockOAuth2ServerTest {
    private static final String CLIENT_ID = "fedcred-test-client";

    private MockOAuth2Server server;
    private SignInService service;
    private IssuerConfig issuer;

    @BeforeEach
    void start() {
        server = new MockOAuth2Server();
        server.start();
        Duration timeout = Duration.ofSeconds(10);
        service = new SignInService(new ProviderDiscovery(timeout), new TokenEndpointClient(timeout),
                new IdTokenVerifier(Clock.systemUTC()), Clock.systemUTC());
        issuer = new IssuerConfig("mock", IssuerKind.GENERIC, URI.create(server.issuerUrl("default").toString()),
                CLIENT_ID, null, null, null);
    }

    @AfterEach
    void stop() {
        server.shutdown();
    }

    @Test
    void signsInWithCodeAndPkceAndVerifiesTheIdToken() {
        FakeBrowser browser = new FakeBrowser();
        try (PendingSignIn pending = service.begin(issuer)) {
            Map<String, String> query = Queries.parse(pending.authorizationUri());
            assertThat(query).containsEntry("response_type", "code")
                    .containsEntry("code_challenge_method", "S256")
                    .containsEntry("client_id", CLIENT_ID)
                    .containsKeys("state", "nonce", "code_challenge");
            assertThat(query.get("redirect_uri")).startsWith("http://127.0.0.1:");

            browser.open(pending.authorizationUri());
            TokenSet tokens = pending.complete(Duration.ofSeconds(10));

            assertThat(tokens.claims()).containsEntry("nonce", query.get("nonce"));
            assertThat(tokens.claims().get("aud").toString()).contains(CLIENT_ID);
            assertThat(tokens.header()).containsEntry("alg", "RS256");
            assertThat(tokens.expiresAt()).isAfter(tokens.verifiedAt());
            assertThat(tokens.hasRefreshToken()).isTrue();
        }
        HttpResponse<String> page = browser.landedOn();
        assertThat(page.statusCode()).isEqualTo(200);
        assertThat(page.body()).contains("return to fedcred");
    }

    @Test
    void refreshGrantGivesANewVerifiedIdTokenForTheSameSubject() {
        FakeBrowser browser = new FakeBrowser();
        TokenSet first;
        try (PendingSignIn pending = service.begin(issuer)) {
            browser.open(pending.authorizationUri());
            first = pending.complete(Duration.ofSeconds(10));
        }
        TokenSet renewed = service.refresh(issuer, first);
        assertThat(renewed.subject()).isEqualTo(first.subject());
        assertThat(renewed.rawIdToken()).isNotEqualTo(first.rawIdToken());
        assertThat(renewed.hasRefreshToken()).isTrue();
    }

    @Test
    void theReceiverPortIsReleasedAfterSignIn() throws Exception {
        FakeBrowser browser = new FakeBrowser();
        URI redirect;
        try (PendingSignIn pending = service.begin(issuer)) {
            redirect = pending.redirectUri();
            browser.open(pending.authorizationUri());
            pending.complete(Duration.ofSeconds(10));
        }
        assertThatThrownBy(() -> FakeBrowser.get(redirect)).isInstanceOf(java.net.ConnectException.class);
    }
}
