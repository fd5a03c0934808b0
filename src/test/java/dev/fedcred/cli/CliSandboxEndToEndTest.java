package dev.fedcred.cli;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import dev.fedcred.FedcredContext;
import dev.fedcred.core.Json;
import dev.fedcred.core.oidc.BrowserOpener;
import dev.fedcred.sandbox.SandboxOptions;
import dev.fedcred.sandbox.SandboxServer;
import dev.fedcred.testing.CliRun;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.file.Path;
import java.time.Clock;
import java.time.Duration;
import java.util.Map;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * What the "done when" asks, in-process: a sandbox with auto-approve, `fedcred login
 * --issuer sandbox --no-browser`, the printed URL fetched as `curl -sL` would, then `claims`.
 */
class CliSandboxEndToEndTest {
    @TempDir
    Path home;

    private SandboxServer sandbox;
    private FedcredContext context;

    @BeforeEach
    void start() throws Exception {
        sandbox = SandboxServer.start(SandboxOptions.defaults().withPort(0).withAutoApprove(true));
        context = new FedcredContext(Map.of("FEDCRED_HOME", home.toString(),
                "FEDCRED_SANDBOX_PORT", String.valueOf(sandbox.issuerUri().getPort())),
                Clock.systemUTC(), BrowserOpener.NONE);
    }

    @AfterEach
    void stop() {
        sandbox.close();
    }

    private static int curlFollowingRedirects(String url) throws Exception {
        HttpClient curl = HttpClient.newBuilder().followRedirects(HttpClient.Redirect.ALWAYS).build();
        return curl.send(HttpRequest.newBuilder(URI.create(url)).build(), HttpResponse.BodyHandlers.discarding())
                .statusCode();
    }

    private void login() throws Exception {
        CliRun login = CliRun.start(context, "login", "--issuer", "sandbox", "--no-browser");
        String url = login.awaitErr("(http://127\\.0\\.0\\.1:\\d+/authorize\\?\\S+)", Duration.ofSeconds(10));
        assertThat(curlFollowingRedirects(url)).isEqualTo(200);
        assertThat(login.exitCode()).as(login.err()).isZero();
        assertThat(login.out()).contains("Signed in to sandbox (sandbox) as sandbox.user@example.com");
    }

    @Test
    void loginWithoutBrowserThenClaimsThenLogout() throws Exception {
        login();

        CliRun claims = CliRun.run(context, "claims");
        assertThat(claims.exitCode()).as(claims.err()).isZero();
        JsonNode json = Json.MAPPER.readTree(claims.out());
        assertThat(json.path("issuer").asText()).isEqualTo("sandbox");
        assertThat(json.path("sandbox").asBoolean()).isTrue();
        assertThat(json.path("header").path("alg").asText()).isEqualTo("RS256");
        assertThat(json.path("claims").path("iss").asText()).isEqualTo(sandbox.issuerUri().toString());
        assertThat(json.path("claims").path("email").asText()).isEqualTo("sandbox.user@example.com");
        assertThat(json.path("seconds_left").asLong()).isBetween(3500L, 3600L);
        assertThat(claims.out()).doesNotContain("refresh_token\" : \"" + "ey");

        CliRun refresh = CliRun.run(context, "refresh");
        assertThat(refresh.exitCode()).as(refresh.err()).isZero();
        assertThat(refresh.out()).contains("Signed in to sandbox (sandbox) as sandbox.user@example.com");
        JsonNode renewed = Json.MAPPER.readTree(CliRun.run(context, "claims").out());
        assertThat(renewed.path("claims").has("nonce")).isFalse();
        assertThat(renewed.path("claims").path("sub").asText()).isEqualTo(json.path("claims").path("sub").asText());

        CliRun logout = CliRun.run(context, "logout");
        assertThat(logout.out()).contains("Signed out of sandbox (sandbox).");
        CliRun after = CliRun.run(context, "claims");
        assertThat(after.exitCode()).isEqualTo(3);
        assertThat(after.err()).contains("not signed in").contains("fedcred login");
    }

    @Test
    void theSignedInStateSurvivesANewProcessContext() throws Exception {
        login();
        FedcredContext nextRun = new FedcredContext(Map.of("FEDCRED_HOME", home.toString(),
                "FEDCRED_SANDBOX_PORT", String.valueOf(sandbox.issuerUri().getPort())),
                Clock.systemUTC(), BrowserOpener.NONE);
        CliRun claims = CliRun.run(nextRun, "claims", "--issuer", "sandbox");
        assertThat(claims.exitCode()).isZero();
        CliRun list = CliRun.run(nextRun, "issuers", "list");
        assertThat(list.out()).containsPattern("\\* sandbox\\s+sandbox .*0:5\\d:\\d\\d left");
    }

    @Test
    void loginFailsClearlyWhenTheSandboxIsNotRunning() {
        sandbox.close();
        CliRun login = CliRun.run(context, "login", "--issuer", "sandbox", "--no-browser");
        assertThat(login.exitCode()).isEqualTo(1);
        assertThat(login.err()).contains("Cannot reach the issuer").contains("fedcred sandbox");
    }
}
