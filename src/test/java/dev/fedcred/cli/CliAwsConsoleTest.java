package dev.fedcred.cli;

import static org.assertj.core.api.Assertions.assertThat;

import dev.fedcred.FedcredContext;
import dev.fedcred.core.oidc.BrowserOpener;
import dev.fedcred.sandbox.SandboxOptions;
import dev.fedcred.sandbox.SandboxServer;
import dev.fedcred.testing.CliRun;
import dev.fedcred.testing.FakeBrowser;
import dev.fedcred.testing.SandboxHome;
import java.net.URI;
import java.net.http.HttpResponse;
import java.nio.file.Path;
import java.time.Clock;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** {@code fedcred aws console} in-process against the sandbox: the browser lands on the console page as the role. */
class CliAwsConsoleTest {
    @TempDir
    Path home;

    private SandboxServer sandbox;
    private FakeBrowser browser;
    private FedcredContext context;

    @BeforeEach
    void start() throws Exception {
        sandbox = SandboxServer.start(SandboxOptions.defaults().withPort(0).withGcpPort(0).withAutoApprove(true)
                .withDataDir(SandboxHome.sandboxDataDir(home)));
        browser = new FakeBrowser();
        context = new FedcredContext(SandboxHome.environment(sandbox, home), Clock.systemUTC(), browser);
    }

    @AfterEach
    void stop() {
        sandbox.close();
    }

    private void login() {
        CliRun login = CliRun.run(context, "login", "--issuer", "sandbox");
        assertThat(login.exitCode()).as(login.err()).isZero();
    }

    @Test
    void theBrowserOpensTheConsoleAsTheRoleInTheChosenRegion() {
        login();
        CliRun console = CliRun.run(context, "aws", "console", "sandbox-aws", "--region", "eu-central-1");

        assertThat(console.exitCode()).as(console.err()).isZero();
        assertThat(console.out()).isEqualTo("Opened the AWS console as arn:aws:iam::000000000000:role/fedcred-sandbox at"
                + " https://console.aws.amazon.com/?region=eu-central-1 in your browser.\n");
        HttpResponse<String> page = browser.landedOn();
        assertThat(page.statusCode()).isEqualTo(200);
        assertThat(page.body()).contains("assumed-role/fedcred-sandbox/sandbox.user@example.com")
                .contains("<code id=\"region\">eu-central-1</code>");
        assertThat(console.out() + console.err()).doesNotContain("SigninToken");
    }

    @Test
    void printWritesOnlyTheUrlOnStdoutAndWarnsOnStderr() throws Exception {
        login();
        CliRun printed = CliRun.run(context, "aws", "console", "sandbox-aws", "--print");

        assertThat(printed.exitCode()).as(printed.err()).isZero();
        assertThat(printed.out()).matches("http://127\\.0\\.0\\.1:\\d+/federation\\?Action=login&Issuer=fedcred"
                + "&Destination=https%3A%2F%2Fconsole\\.aws\\.amazon\\.com%2F%3Fregion%3Dus-east-1&SigninToken=[^\\s]+\n");
        assertThat(printed.err()).startsWith("fedcred: warning: this URL signs whoever opens it in to the AWS console as"
                + " arn:aws:iam::000000000000:role/fedcred-sandbox until ").contains("(15 minutes). Do not share it")
                .doesNotContain("SigninToken").doesNotContain("http");
        HttpResponse<String> page = FakeBrowserFollowing.get(URI.create(printed.out().strip()));
        assertThat(page.body()).contains("assumed-role/fedcred-sandbox/");
    }

    @Test
    void aChainedRoleSignsInThroughItsSourcesFederationEndpointAsTheChainedRole() throws Exception {
        login();
        CliRun printed = CliRun.run(context, "aws", "console", "sandbox-aws-chained", "--print");

        assertThat(printed.exitCode()).as(printed.err()).isZero();
        assertThat(printed.out()).matches("http://127\\.0\\.0\\.1:\\d+/federation\\?Action=login&Issuer=fedcred"
                + "&Destination=https%3A%2F%2Fconsole\\.aws\\.amazon\\.com%2F%3Fregion%3Dus-east-1&SigninToken=[^\\s]+\n");
        assertThat(printed.err()).startsWith("fedcred: warning: this URL signs whoever opens it in to the AWS console as"
                + " arn:aws:iam::000000000000:role/fedcred-sandbox-chained until ");
        HttpResponse<String> page = FakeBrowserFollowing.get(URI.create(printed.out().strip()));
        assertThat(page.statusCode()).isEqualTo(200);
        assertThat(page.body()).contains("assumed-role/fedcred-sandbox-chained/");
    }

    @Test
    void withoutABrowserItSaysToPrintTheUrl() {
        login();
        FedcredContext noBrowser = new FedcredContext(SandboxHome.environment(sandbox, home), Clock.systemUTC(),
                BrowserOpener.NONE);
        CliRun console = CliRun.run(noBrowser, "aws", "console", "sandbox-aws");

        assertThat(console.exitCode()).isEqualTo(1);
        assertThat(console.err()).startsWith("fedcred: No browser could be started here. Run `")
                .contains("aws console sandbox-aws --print` and open the URL it prints in a browser within 15 minutes.");
        assertThat(console.out()).isEmpty();
    }

    @Test
    void badInputAndARefusalFailWithWhatToDo() {
        CliRun notSignedIn = CliRun.run(context, "aws", "console", "sandbox-aws");
        assertThat(notSignedIn.exitCode()).as("a browser sign-in is needed").isEqualTo(3);

        login();
        CliRun elsewhere = CliRun.run(context, "aws", "console", "sandbox-aws", "--destination", "https://evil.example/");
        assertThat(elsewhere.exitCode()).isEqualTo(1);
        assertThat(elsewhere.err()).contains("\"https://evil.example/\" is not a page of the AWS console");

        CliRun gcp = CliRun.run(context, "aws", "console", "sandbox-gcp");
        assertThat(gcp.exitCode()).isEqualTo(1);
        assertThat(gcp.err()).contains("is not an AWS role");

        sandbox.awsFederationFaults().refuseNext(403);
        CliRun refused = CliRun.run(context, "aws", "console", "sandbox-aws", "--print");
        assertThat(refused.exitCode()).isEqualTo(1);
        assertThat(refused.out()).isEmpty();
        assertThat(refused.err()).contains("refused the role session for a console sign-in (HTTP 403)")
                .doesNotContain("Session=");
    }

    @Test
    void aTargetsFederationEndpointIsHttpsOrTheLoopbacksAndIsKept() throws Exception {
        CliRun plain = CliRun.run(context, "targets", "add", "aws", "dev", "role_arn=arn:aws:iam::123456789012:role/dev",
                "profile=dev", "federation_endpoint=http://signin.example/federation");
        assertThat(plain.exitCode()).isEqualTo(1);
        assertThat(plain.err()).contains("The federation endpoint http://signin.example/federation must use https");

        CliRun kept = CliRun.run(context, "targets", "add", "aws", "dev", "role_arn=arn:aws:iam::123456789012:role/dev",
                "profile=dev", "federation_endpoint=https://signin.example/federation");
        assertThat(kept.exitCode()).as(kept.err()).isZero();
        assertThat(java.nio.file.Files.readString(context.paths().settingsFile()))
                .contains("\"federation_endpoint\" : \"https://signin.example/federation\"");
    }

    @Test
    void theHelpSaysWhatTheUrlIs() {
        CliRun help = CliRun.run(context, "aws", "console", "--help");
        assertThat(help.out()).contains("Usage: fedcred aws console [-hV] [--print] [--destination=URL] [--region=R]").contains("signs in whoever opens it for 15 minutes").contains("Exit codes: 0 opened");
    }

    /** A plain GET that follows the redirect to the console page, as a browser would. */
    private static final class FakeBrowserFollowing {
        static HttpResponse<String> get(URI url) throws Exception {
            FakeBrowser following = new FakeBrowser();
            following.open(url);
            return following.landedOn();
        }
    }
}
