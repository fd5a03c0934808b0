package dev.fedcred.cli;

import static org.assertj.core.api.Assertions.assertThat;

import dev.fedcred.FedcredContext;
import dev.fedcred.core.oidc.BrowserOpener;
import dev.fedcred.sandbox.SandboxOptions;
import dev.fedcred.sandbox.SandboxServer;
import dev.fedcred.testing.ClockPollPause;
import dev.fedcred.testing.CliRun;
import dev.fedcred.testing.MutableClock;
import java.net.ServerSocket;
import java.nio.file.Path;
import java.time.Duration;
import java.time.Instant;
import java.time.temporal.ChronoUnit;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * {@code fedcred login --device} against the sandbox over real HTTP: the page and code on stderr,
 * then a normal sign-in; a code that expires or is denied, an issuer without the grant, a hostile
 * code; and {@code --port} for the SSH port-forward recipe. The command and the sandbox share a
 * stopped clock that each wait between polls moves instead of sleeping, so the countdown is exact
 * and an expiry takes no time.
 */
class CliDeviceLoginTest {
    private static final String ESC = "\u001b";
    private static final String RIGHT_TO_LEFT = "\u202e";

    @TempDir
    Path home;

    private static final Duration INTERVAL = Duration.ofSeconds(5);

    private final MutableClock clock = MutableClock.stoppedAt(Instant.now().truncatedTo(ChronoUnit.SECONDS));
    private SandboxServer sandbox;
    private FedcredContext context;

    private void start(boolean autoApprove) throws Exception {
        start(autoApprove, ClockPollPause.free(clock));
    }

    private void start(boolean autoApprove, ClockPollPause polls) throws Exception {
        sandbox = SandboxServer.start(SandboxOptions.defaults().withPort(0).withAutoApprove(autoApprove), clock);
        sandbox.deviceCodes().setInterval(INTERVAL);
        context = new FedcredContext(Map.of("FEDCRED_HOME", home.toString(),
                "FEDCRED_SANDBOX_PORT", String.valueOf(sandbox.issuerUri().getPort())),
                clock, BrowserOpener.NONE, List.of(), polls);
    }

    @AfterEach
    void stop() {
        if (sandbox != null) {
            sandbox.close();
        }
    }

    private void assertSignedOut() {
        CliRun claims = CliRun.run(context, "claims", "--issuer", "sandbox");
        assertThat(claims.exitCode()).as(claims.err()).isEqualTo(ExitCodes.NOT_SIGNED_IN);
    }

    @Test
    void printsThePageAndCodeThenSignsInLikeABrowserLogin() throws Exception {
        start(true);

        CliRun login = CliRun.run(context, "login", "--issuer", "sandbox", "--device");

        assertThat(login.exitCode()).as(login.err()).isZero();
        String issuer = sandbox.issuerUri().toString();
        assertThat(login.err()).contains("open this page in a browser on any device:\n  " + issuer + "/device\n")
                .containsPattern("and enter the code:\n  [B-Z]{4}-[B-Z]{4}\n")
                .containsPattern(issuer.replace(".", "\\.") + "/device\\?user_code=[B-Z]{4}-[B-Z]{4}")
                .contains("The code expires in 0:10:00").contains("Ctrl-C cancels");
        assertThat(login.out()).contains("Signed in to sandbox (sandbox) as sandbox.user@example.com");
        CliRun claims = CliRun.run(context, "claims", "--issuer", "sandbox");
        assertThat(claims.exitCode()).as(claims.err()).isZero();
        // stored like a browser sign-in: the refresh token renews it without a browser
        CliRun refresh = CliRun.run(context, "refresh", "--issuer", "sandbox");
        assertThat(refresh.exitCode()).as(refresh.err()).isZero();
    }

    @Test
    void aCodeThatExpiresEndsWithWhatToDoAndStoresNothing() throws Exception {
        ClockPollPause polls = ClockPollPause.free(clock);
        start(false, polls);
        sandbox.deviceCodes().setLifetime(Duration.ofSeconds(12));

        CliRun login = CliRun.run(context, "login", "--issuer", "sandbox", "--device");

        assertThat(login.exitCode()).isEqualTo(ExitCodes.FAILED);
        assertThat(login.err()).containsPattern("fedcred: The code [B-Z]{4}-[B-Z]{4} expired at ")
                .contains("Start the device sign-in again");
        // polled at the interval while the code lived, and waited no longer than it had left
        assertThat(polls.waits()).containsExactly(INTERVAL, INTERVAL, Duration.ofSeconds(2));
        assertSignedOut();
    }

    @Test
    void aDeniedCodeEndsAsDeclinedAndStoresNothing() throws Exception {
        ClockPollPause polls = ClockPollPause.held(clock);
        start(false, polls);
        CliRun login = CliRun.start(context, "login", "--issuer", "sandbox", "--device");
        login.awaitErr("(Waiting for you to approve it)", Duration.ofSeconds(10));

        sandbox.deviceCodes().denyAll();
        polls.letOneGo();

        assertThat(login.exitCode()).isEqualTo(ExitCodes.FAILED);
        assertThat(login.err()).contains("fedcred: The identity provider refused the sign-in: access_denied")
                .contains("sign in again and approve it");
        assertSignedOut();
    }

    @Test
    void anIssuerWithoutTheGrantGetsTheSshRecipe() throws Exception {
        start(true);
        sandbox.deviceCodes().setOffered(false);

        CliRun login = CliRun.run(context, "login", "--issuer", "sandbox", "--device");

        assertThat(login.exitCode()).isEqualTo(ExitCodes.FAILED);
        assertThat(login.err()).contains("does not offer the device sign-in")
                .contains("ssh -L 8400:127.0.0.1:8400").contains("--no-browser --port 8400");
    }

    @Test
    void aHostileCodeIsPrintedNeutralised() throws Exception {
        start(true);
        sandbox.deviceCodes().userCodeNext("AB" + ESC + "]0;pwned\u0007CD-" + RIGHT_TO_LEFT + "EFGH");

        CliRun login = CliRun.run(context, "login", "--issuer", "sandbox", "--device");

        assertThat(login.exitCode()).as(login.err()).isZero();
        assertThat(login.err()).doesNotContain(ESC).doesNotContain("\u0007").doesNotContain(RIGHT_TO_LEFT)
                .contains("AB\\u001B]0;pwned\\u0007CD-\\u202EEFGH");
    }

    @Test
    void theDeviceGrantTakesNoPortAndOpensNoBrowser() throws Exception {
        start(true);

        CliRun login = CliRun.run(context, "login", "--issuer", "sandbox", "--device", "--port", "8400");

        assertThat(login.exitCode()).isEqualTo(2);
        assertThat(login.err()).contains("leave out --port and --no-browser");
    }

    @Test
    void portFixesTheLoopbackPortForAnSshForward() throws Exception {
        start(true);
        int port;
        try (ServerSocket free = new ServerSocket(0)) {
            port = free.getLocalPort();
        }

        CliRun login = CliRun.start(context, "login", "--issuer", "sandbox", "--no-browser", "--port", String.valueOf(port));
        String redirect = login.awaitErr("Waiting for the browser to return to (\\S+) ", Duration.ofSeconds(10));
        assertThat(redirect).isEqualTo("http://127.0.0.1:" + port + "/");
        String url = login.awaitErr("(http://127\\.0\\.0\\.1:\\d+/authorize\\?\\S+)", Duration.ofSeconds(10));
        assertThat(url).contains("redirect_uri=http%3A%2F%2F127.0.0.1%3A" + port + "%2F");
        dev.fedcred.testing.FakeBrowser browser = new dev.fedcred.testing.FakeBrowser();
        browser.open(java.net.URI.create(url));

        assertThat(login.exitCode()).as(login.err()).isZero();
    }
}
