package dev.fedcred.cli;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import dev.fedcred.FedcredContext;
import dev.fedcred.core.Json;
import dev.fedcred.core.oidc.BrowserOpener;
import dev.fedcred.sandbox.SandboxOptions;
import dev.fedcred.sandbox.SandboxServer;
import dev.fedcred.testing.CliRun;
import dev.fedcred.testing.FakeBrowser;
import java.net.URI;
import java.net.URLEncoder;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.nio.file.Path;
import java.time.Clock;
import java.time.Duration;
import java.util.Map;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * An issuer whose user's email and name carry terminal escape sequences (clear screen, an OSC
 * window title, a C1 CSI) and a bidi override: nothing fedcred prints may act on the terminal.
 */
class CliOutsideTextTest {
    static final String CLEAR_SCREEN = "\u001b[2J";
    static final String RETITLE = "\u001b]0;pwned\u0007";
    static final String C1_CSI_RED = "\u009b31m";
    static final String RIGHT_TO_LEFT = "\u202e";
    static final String HOSTILE_EMAIL = "mallory" + CLEAR_SCREEN + RETITLE + C1_CSI_RED + RIGHT_TO_LEFT + "@example.com";
    static final String HOSTILE_NAME = "Mallory" + C1_CSI_RED + "\u0085" + "\u009d2;title\u009c";

    @TempDir
    Path home;

    private SandboxServer sandbox;
    private FedcredContext context;

    @BeforeEach
    void start() throws Exception {
        sandbox = SandboxServer.start(SandboxOptions.defaults().withPort(0).withAutoApprove(true)
                .withUserClaim("email", HOSTILE_EMAIL).withUserClaim("name", HOSTILE_NAME));
        context = new FedcredContext(Map.of("FEDCRED_HOME", home.toString(),
                "FEDCRED_SANDBOX_PORT", String.valueOf(sandbox.issuerUri().getPort())),
                Clock.systemUTC(), BrowserOpener.NONE);
    }

    @AfterEach
    void stop() {
        sandbox.close();
    }

    /** What a terminal could act on: every control character but line breaks and tab, and bidi controls. */
    static void assertNothingActsOnATerminal(String printed) {
        assertThat(printed.chars().filter(c -> c != '\n' && c != '\r' && c != '\t')
                .filter(c -> Character.isISOControl(c) || (c >= 0x202A && c <= 0x202E) || (c >= 0x2066 && c <= 0x2069))
                .mapToObj(c -> String.format("U+%04X", c)).toList())
                .as("control characters in:\n%s", printed).isEmpty();
    }

    private CliRun login() throws Exception {
        CliRun login = CliRun.start(context, "login", "--issuer", "sandbox", "--no-browser");
        String url = login.awaitErr("(http://127\\.0\\.0\\.1:\\d+/authorize\\?\\S+)", Duration.ofSeconds(10));
        HttpClient browser = HttpClient.newBuilder().followRedirects(HttpClient.Redirect.ALWAYS).build();
        browser.send(HttpRequest.newBuilder(URI.create(url)).build(), HttpResponse.BodyHandlers.discarding());
        assertThat(login.exitCode()).as(login.err()).isZero();
        return login;
    }

    @Test
    void loginAndRefreshPrintTheHostileEmailEscaped() throws Exception {
        CliRun login = login();
        assertNothingActsOnATerminal(login.out());
        assertNothingActsOnATerminal(login.err());
        assertThat(login.out()).contains("as mallory\\u001B[2J\\u001B]0;pwned\\u0007\\u009B31m\\u202E@example.com");

        CliRun refresh = CliRun.run(context, "refresh");
        assertThat(refresh.exitCode()).as(refresh.err()).isZero();
        assertNothingActsOnATerminal(refresh.out());
        assertNothingActsOnATerminal(refresh.err());
    }

    @Test
    void claimsPrintsJsonThatActsOnNothingButMeansTheSameClaims() throws Exception {
        login();
        CliRun claims = CliRun.run(context, "claims");
        assertThat(claims.exitCode()).as(claims.err()).isZero();
        assertNothingActsOnATerminal(claims.out());
        assertNothingActsOnATerminal(claims.err());
        // Jackson escapes C0 itself but writes C1 and bidi controls raw; escaped, the JSON still says the same
        JsonNode json = Json.MAPPER.readTree(claims.out());
        assertThat(json.path("claims").path("email").asText()).isEqualTo(HOSTILE_EMAIL);
        assertThat(json.path("claims").path("name").asText()).isEqualTo(HOSTILE_NAME);
    }

    @Test
    void aProvidersHostileErrorDescriptionReachesStderrEscaped() throws Exception {
        CliRun login = CliRun.start(context, "login", "--issuer", "sandbox", "--no-browser", "--timeout", "20");
        String url = login.awaitErr("(http://127\\.0\\.0\\.1:\\d+/authorize\\?\\S+)", Duration.ofSeconds(10));
        Matcher state = Pattern.compile("[?&]state=([^&]+)").matcher(url);
        Matcher redirect = Pattern.compile("[?&]redirect_uri=([^&]+)").matcher(url);
        assertThat(state.find() && redirect.find()).isTrue();
        String description = "Denied" + CLEAR_SCREEN + RETITLE + C1_CSI_RED + "\r\nfedcred: Signed in";
        URI callback = URI.create(java.net.URLDecoder.decode(redirect.group(1), StandardCharsets.UTF_8)
                + "?error=access_denied" + RETITLE.replace("\u001b", "%1B").replace("\u0007", "%07")
                + "&error_description=" + URLEncoder.encode(description, StandardCharsets.UTF_8)
                + "&state=" + state.group(1));
        HttpResponse<String> page = FakeBrowser.get(callback);

        assertThat(login.exitCode()).isNotZero();
        assertNothingActsOnATerminal(login.err());
        assertNothingActsOnATerminal(login.out());
        assertThat(login.err()).contains("The identity provider refused the sign-in")
                .contains("Denied\\u001B[2J\\u001B]0;pwned\\u0007\\u009B31m\\u000D\\u000Afedcred: Signed in");
        // the browser's page is HTML-escaped and carries no control characters either
        assertThat(page.body()).doesNotContain("<script").doesNotContain("\u001b").doesNotContain("\u009b");
    }

    @Test
    void issuerAndTargetListsEscapeWhatSettingsHold() throws Exception {
        CliRun add = CliRun.run(context, "issuers", "add", "hostile", "--issuer-url", "https://issuer.example.test",
                "--client-id", "client" + CLEAR_SCREEN + RETITLE + C1_CSI_RED);
        assertNothingActsOnATerminal(add.out());
        assertNothingActsOnATerminal(add.err());

        CliRun issuers = CliRun.run(context, "issuers", "list");
        assertThat(issuers.exitCode()).as(issuers.err()).isZero();
        assertNothingActsOnATerminal(issuers.out());
        assertThat(issuers.out()).contains("client\\u001B[2J\\u001B]0;pwned\\u0007\\u009B31m");

        CliRun target = CliRun.run(context, "targets", "add-aws", "t" + CLEAR_SCREEN, "--role-arn",
                "arn:aws:iam::123456789012:role/x" + RETITLE, "--profile", "p" + C1_CSI_RED);
        assertThat(target.exitCode()).isNotZero();
        assertNothingActsOnATerminal(target.out());
        assertNothingActsOnATerminal(target.err());
        assertThat(target.err()).contains("\"t\\u001B[2J\"");

        CliRun targets = CliRun.run(context, "targets", "list");
        assertNothingActsOnATerminal(targets.out());
        assertNothingActsOnATerminal(targets.err());
    }
}
