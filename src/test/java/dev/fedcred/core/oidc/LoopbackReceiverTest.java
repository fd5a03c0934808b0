package dev.fedcred.core.oidc;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import dev.fedcred.core.FedcredException;
import dev.fedcred.testing.BindProbe;
import dev.fedcred.testing.FakeBrowser;
import java.io.IOException;
import java.net.ConnectException;
import java.net.InetAddress;
import java.net.InetSocketAddress;
import java.net.ServerSocket;
import java.net.Socket;
import java.net.URI;
import java.net.http.HttpResponse;
import java.time.Duration;
import java.util.concurrent.CompletableFuture;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;

class LoopbackReceiverTest {
    private static final String STATE = "expected-state-value";
    private static final String ISSUER = "https://issuer.example.test";
    private static final Duration WAIT = Duration.ofSeconds(5);

    private LoopbackReceiver receiver = LoopbackReceiver.start(RedirectSpec.ANY_FREE_PORT, STATE, ISSUER);

    @AfterEach
    void close() {
        receiver.close();
    }

    private HttpResponse<String> callback(String query) throws Exception {
        return FakeBrowser.get(URI.create(receiver.redirectUri() + "?" + query));
    }

    @Test
    void acceptsTheCallbackWithTheRightStateAndAnswersTheBrowser() throws Exception {
        HttpResponse<String> page = callback("code=abc123&state=" + STATE);
        assertThat(page.statusCode()).isEqualTo(200);
        assertThat(page.body()).contains("return to fedcred").doesNotContain("abc123");
        assertThat(page.headers().firstValue("Cache-Control")).contains("no-store");
        assertThat(receiver.awaitCode(WAIT)).isEqualTo("abc123");
    }

    @Test
    void rejectsAWrongState() throws Exception {
        assertThat(callback("code=abc123&state=forged").statusCode()).isEqualTo(400);
        assertThatThrownBy(() -> receiver.awaitCode(WAIT))
                .isInstanceOf(CallbackRejectedException.class).hasMessageContaining("state does not match");
    }

    @Test
    void rejectsAMissingState() throws Exception {
        assertThat(callback("code=abc123").statusCode()).isEqualTo(400);
        assertThatThrownBy(() -> receiver.awaitCode(WAIT)).isInstanceOf(CallbackRejectedException.class);
    }

    @Test
    void acceptsExactlyOneCallbackAndRefusesAReplay() throws Exception {
        assertThat(callback("code=first&state=" + STATE).statusCode()).isEqualTo(200);
        HttpResponse<String> replayed = callback("code=second&state=" + STATE);
        assertThat(replayed.statusCode()).isEqualTo(400);
        assertThat(replayed.body()).contains("already been answered");
        assertThat(receiver.awaitCode(WAIT)).isEqualTo("first");
    }

    @Test
    void reportsAMissingCode() throws Exception {
        assertThat(callback("state=" + STATE).statusCode()).isEqualTo(400);
        assertThatThrownBy(() -> receiver.awaitCode(WAIT))
                .isInstanceOf(CallbackRejectedException.class).hasMessageContaining("without an authorization code");
    }

    @Test
    void reportsTheProvidersErrorAndDescription() throws Exception {
        callback("error=access_denied&error_description=The+user+said+no&state=" + STATE);
        assertThatThrownBy(() -> receiver.awaitCode(WAIT))
                .isInstanceOfSatisfying(ProviderErrorException.class, e -> {
                    assertThat(e.error()).isEqualTo("access_denied");
                    assertThat(e.description()).isEqualTo("The user said no");
                })
                .hasMessageContaining("access_denied (The user said no)");
    }

    @Test
    void rejectsAResponseNamingAnotherIssuer() throws Exception {
        callback("code=abc&state=" + STATE + "&iss=https%3A%2F%2Fevil.example.test");
        assertThatThrownBy(() -> receiver.awaitCode(WAIT))
                .isInstanceOf(CallbackRejectedException.class).hasMessageContaining("another issuer");
    }

    @Test
    void quotesAHostileIssuerEscapedInTheFailureAndThePage() throws Exception {
        HttpResponse<String> page = callback("code=abc&state=" + STATE + "&iss=https%3A%2F%2Fevil%1B%5B2J%C2%9B31m%E2%80%AE");
        assertThat(page.body()).doesNotContain("\u001b").doesNotContain("\u009b").doesNotContain("\u202e");
        assertThatThrownBy(() -> receiver.awaitCode(WAIT))
                .isInstanceOf(CallbackRejectedException.class)
                .hasMessageContaining("(\"https://evil\\u001B[2J\\u009B31m\\u202E\")")
                .satisfies(e -> assertThat(e.getMessage().chars()).noneMatch(Character::isISOControl));
    }

    @Test
    void escapesHtmlOfTheProvidersErrorOnThePage() throws Exception {
        HttpResponse<String> page = callback("error=x&error_description=%3Cscript%3Ealert(%27x%27)%3C%2Fscript%3E&state=" + STATE);
        assertThat(page.body()).doesNotContain("<script>").contains("&lt;script&gt;alert(&#39;x&#39;)");
    }

    @Test
    void ignoresOtherPathsSuchAsTheFavicon() throws Exception {
        URI favicon = URI.create("http://127.0.0.1:" + receiver.port() + "/favicon.ico");
        assertThat(FakeBrowser.get(favicon).statusCode()).isEqualTo(404);
        assertThat(callback("code=abc123&state=" + STATE).statusCode()).isEqualTo(200);
        assertThat(receiver.awaitCode(WAIT)).isEqualTo("abc123");
    }

    @Test
    void givesUpAfterTheTimeoutAndClosesThePort() {
        URI redirect = receiver.redirectUri();
        assertThatThrownBy(() -> receiver.awaitCode(Duration.ofMillis(300)))
                .isInstanceOf(SignInTimeoutException.class).hasMessageContaining("No sign-in came back");
        assertThatThrownBy(() -> FakeBrowser.get(redirect)).isInstanceOf(ConnectException.class);
    }

    @Test
    void cancelStopsTheWaitAndClosesThePort() {
        URI redirect = receiver.redirectUri();
        CompletableFuture.runAsync(() -> {
            sleep(200);
            receiver.cancel();
        });
        assertThatThrownBy(() -> receiver.awaitCode(Duration.ofSeconds(10))).isInstanceOf(SignInCancelledException.class);
        assertThatThrownBy(() -> FakeBrowser.get(redirect)).isInstanceOf(ConnectException.class);
    }

    @Test
    void listensOn127001Only() throws Exception {
        assertThat(receiver.redirectUri().getHost()).isEqualTo("127.0.0.1");
        assertThat(receiver.boundAddress().getAddress().getHostAddress()).isEqualTo("127.0.0.1");
        BindProbe.assertOnly127001(receiver.port());
    }

    @Test
    void aFixedPortInUseGivesAClearError() throws Exception {
        try (ServerSocket busy = new ServerSocket(0, 1, InetAddress.getLoopbackAddress())) {
            RedirectSpec fixed = new RedirectSpec(busy.getLocalPort(), "/auth/google/callback");
            assertThatThrownBy(() -> LoopbackReceiver.start(fixed, STATE, ISSUER))
                    .isInstanceOf(FedcredException.class)
                    .hasMessageContaining("Port " + busy.getLocalPort() + " on 127.0.0.1 is in use");
        }
    }

    @Test
    void aFixedPortAndPathAreHonoured() throws Exception {
        receiver.close();
        int port;
        try (ServerSocket probe = new ServerSocket(0, 1, InetAddress.getLoopbackAddress())) {
            port = probe.getLocalPort();
        }
        receiver = LoopbackReceiver.start(new RedirectSpec(port, "/auth/google/callback"), STATE, ISSUER);
        assertThat(receiver.redirectUri()).hasToString("http://127.0.0.1:" + port + "/auth/google/callback");
        assertThat(callback("code=abc&state=" + STATE).statusCode()).isEqualTo(200);
        assertThat(receiver.awaitCode(WAIT)).isEqualTo("abc");
    }

    private static void sleep(long millis) {
        try {
            Thread.sleep(millis);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
        }
    }
}
