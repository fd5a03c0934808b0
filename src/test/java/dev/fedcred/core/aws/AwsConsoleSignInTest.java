package dev.fedcred.core.aws;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;
import static org.assertj.core.api.Assertions.catchThrowableOfType;

import dev.fedcred.FedcredContext;
import dev.fedcred.core.CredentialsException;
import dev.fedcred.core.CredentialsException.Remedy;
import dev.fedcred.core.aws.console.ConsoleLink;
import dev.fedcred.core.aws.console.FederationEndpoint;
import dev.fedcred.core.oidc.PendingSignIn;
import dev.fedcred.core.settings.TargetRegistry;
import dev.fedcred.sandbox.SandboxAws;
import dev.fedcred.sandbox.SandboxOptions;
import dev.fedcred.sandbox.SandboxServer;
import dev.fedcred.testing.FakeBrowser;
import dev.fedcred.testing.MutableClock;
import dev.fedcred.testing.SandboxHome;
import java.io.IOException;
import java.net.ServerSocket;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.file.Path;
import java.time.Duration;
import java.time.Instant;
import java.time.temporal.ChronoUnit;
import java.util.ArrayList;
import java.util.List;
import java.util.logging.Handler;
import java.util.logging.Level;
import java.util.logging.LogRecord;
import java.util.logging.Logger;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * Console sign-in against the sandbox's STS and federation endpoint, on one stopped clock shared by
 * fedcred and the sandbox: the login URL leads a browser to a console page naming the role and the
 * region, and every refusal or odd reply is a CredentialsException that names neither URL nor session.
 */
class AwsConsoleSignInTest {
    @TempDir
    Path home;

    private SandboxServer sandbox;
    private MutableClock clock;
    private FedcredContext context;
    private AwsRoleTarget target;
    private final List<String> logged = new ArrayList<>();
    private final Handler capture = new Handler() {
        @Override
        public void publish(LogRecord record) {
            logged.add(record.getMessage() + " " + record.getThrown());
        }

        @Override
        public void flush() {
        }

        @Override
        public void close() {
        }
    };

    @BeforeEach
    void start() throws Exception {
        clock = MutableClock.stoppedAt(Instant.now().truncatedTo(ChronoUnit.SECONDS));
        sandbox = SandboxServer.start(SandboxOptions.defaults().withPort(0).withGcpPort(0).withAutoApprove(true)
                .withDataDir(SandboxHome.sandboxDataDir(home)), clock);
        context = new FedcredContext(SandboxHome.environment(sandbox, home), clock, new FakeBrowser());
        try (PendingSignIn pending = context.sessions().begin(context.issuers().sandbox())) {
            context.browser().open(pending.authorizationUri());
            context.sessions().finish(pending, Duration.ofSeconds(10));
        }
        target = context.kinds().as(context.targets().resolve(TargetRegistry.SANDBOX_AWS), AwsRoleTarget.class).orElseThrow();
    }

    @AfterEach
    void stop() {
        sandbox.close();
    }

    @Test
    void theLoginUrlOpensTheConsoleAsTheRoleInTheTargetsRegion() throws Exception {
        // every log record of the JVM while fedcred makes the link, however fine
        Level before = Logger.getLogger("").getLevel();
        Logger.getLogger("").addHandler(capture);
        Logger.getLogger("").setLevel(Level.ALL);
        ConsoleLink link;
        try {
            link = context.awsConsole().link(session(target), null, null);
        } finally {
            Logger.getLogger("").removeHandler(capture);
            Logger.getLogger("").setLevel(before);
        }

        assertThat(link.url().toString()).startsWith(sandbox.endpoints().get("aws-signin") + "?Action=login&Issuer=fedcred"
                + "&Destination=https%3A%2F%2Fconsole.aws.amazon.com%2F%3Fregion%3Dus-east-1&SigninToken=");
        assertThat(link.expiresAt()).isEqualTo(clock.instant().plus(Duration.ofMinutes(15)));
        assertThat(link.toString()).doesNotContain("SigninToken").doesNotContain(link.url().getRawQuery());
        HttpResponse<String> console = follow(link.url());
        assertThat(console.statusCode()).isEqualTo(200);
        assertThat(console.body()).contains("Signed in as <code id=\"role\">arn:aws:sts::000000000000:assumed-role/"
                + "fedcred-sandbox/sandbox.user@example.com</code>").contains("Region: <code id=\"region\">us-east-1</code>");
        assertThat(logged).isNotEmpty();
        assertThat(String.join("\n", logged)).doesNotContain(token(link)).doesNotContain("Action=login");
    }

    @Test
    void aChosenRegionAndDestinationReachTheConsole() throws Exception {
        ConsoleLink link = context.awsConsole().link(session(target), "eu-west-1", "https://console.aws.amazon.com/s3/home");

        assertThat(link.destination()).hasToString("https://console.aws.amazon.com/s3/home?region=eu-west-1");
        assertThat(follow(link.url()).body()).contains("Region: <code id=\"region\">eu-west-1</code>")
                .contains("Destination: <code id=\"destination\">https://console.aws.amazon.com/s3/home?region=eu-west-1");
    }

    @Test
    void theSandboxsConsolePageEscapesWhatTheDestinationSays() throws Exception {
        ConsoleLink link = context.awsConsole().link(session(target), null, null);
        String hostile = java.net.URLEncoder.encode("https://console.aws.amazon.com/?region=%3Cscript%3Ealert(1)%3C%2Fscript%3E",
                java.nio.charset.StandardCharsets.UTF_8);
        URI login = URI.create(link.url().toString().replaceFirst("Destination=[^&]*", "Destination=" + hostile));

        String page = follow(login).body();
        assertThat(page).contains("Region: <code id=\"region\">&lt;script&gt;alert(1)&lt;/script&gt;</code>")
                .doesNotContain("<script>");
    }

    @Test
    void aDestinationOutsideTheConsoleIsRefusedBeforeAnyCredentialsAreFetched() {
        assertThatThrownBy(() -> context.awsConsole().link(session(target), null, "https://evil.example/"))
                .hasMessageContaining("is not a page of the AWS console for this role's partition (aws)");
        assertThat(context.aws().cached(target)).isEmpty();
    }

    @Test
    void aTokenOlderThanFifteenMinutesNoLongerSignsIn() throws Exception {
        ConsoleLink link = context.awsConsole().link(session(target), null, null);
        clock.advance(Duration.ofMinutes(15).plusSeconds(1));

        HttpResponse<String> refused = follow(link.url());
        assertThat(refused.statusCode()).isEqualTo(400);
        assertThat(refused.body()).contains("not valid or has expired");
    }

    @Test
    void expiredCredentialsAreRenewedFirst() {
        AssumedRole first = context.aws().assume(target);
        clock.advance(Duration.ofMinutes(50));

        ConsoleLink link = context.awsConsole().link(session(target), null, null);
        assertThat(link).isNotNull();
        assertThat(context.aws().cached(target).orElseThrow().accessKeyId()).isNotEqualTo(first.accessKeyId());
    }

    @Test
    void aRefusedSessionSaysSoAndDropsTheCachedCredentials() {
        AssumedRole role = context.aws().assume(target);
        sandbox.awsFederationFaults().refuseNext(400);

        CredentialsException refused = catchThrowableOfType(() -> context.awsConsole().link(session(target), null, null),
                CredentialsException.class);
        assertThat(refused.remedy()).isEqualTo(Remedy.FIX_CLOUD_SETUP);
        assertThat(refused.errorCode()).isEqualTo("HTTP 400");
        assertThat(refused.getMessage()).startsWith("The AWS federation endpoint " + sandbox.endpoints().get("aws-signin")
                + " refused the role session for a console sign-in (HTTP 400).");
        assertNoSecretIn(refused, role);
        assertThat(context.aws().cached(target)).isEmpty();
    }

    @Test
    void theSandboxRefusesASessionItDidNotIssueOrThatHasExpired() throws Exception {
        AssumedRole role = context.aws().assume(target);
        String wrong = "{\"sessionId\":\"" + role.accessKeyId() + "\",\"sessionKey\":\"wrong\",\"sessionToken\":\""
                + role.sessionToken() + "\"}";
        assertThat(getSigninToken(wrong).statusCode()).isEqualTo(400);
        String right = "{\"sessionId\":\"" + role.accessKeyId() + "\",\"sessionKey\":\"" + role.secretAccessKey()
                + "\",\"sessionToken\":\"" + role.sessionToken() + "\"}";
        assertThat(getSigninToken(right).body()).startsWith("{\"SigninToken\":\"");
        clock.advance(Duration.ofHours(1));
        assertThat(getSigninToken(right).body()).contains("The session has expired.");
    }

    @Test
    void aBusyOrFailingEndpointIsForLater() {
        sandbox.awsFederationFaults().refuseNext(503);
        assertThat(remedyOf(() -> context.awsConsole().link(session(target), null, null))).isEqualTo(Remedy.TRY_LATER);
    }

    @Test
    void repliesThatAreNotTheEndpointsPointAtTheEndpoint() {
        AssumedRole role = context.aws().assume(target);
        sandbox.awsFederationFaults().htmlPageNext(200);
        CredentialsException page = catchThrowableOfType(() -> context.awsConsole().link(session(target), null, null),
                CredentialsException.class);
        assertThat(page.remedy()).isEqualTo(Remedy.CHECK_ENDPOINT);
        assertThat(page.getMessage()).contains("not with a sign-in token");
        assertNoSecretIn(page, role);

        sandbox.awsFederationFaults().replyWithoutTokenNext();
        assertThat(remedyOf(() -> context.awsConsole().link(session(target), null, null))).isEqualTo(Remedy.CHECK_ENDPOINT);

        sandbox.awsFederationFaults().floodNext(10L * 1024 * 1024);
        CredentialsException flood = catchThrowableOfType(() -> context.awsConsole().link(session(target), null, null),
                CredentialsException.class);
        assertThat(flood.remedy()).isEqualTo(Remedy.CHECK_ENDPOINT);
        assertThat(flood.getMessage()).contains("is larger than 64 KiB");
        assertNoSecretIn(flood, role);
    }

    @Test
    void silenceEndsAtTheDeadlineAndNoListenerIsANetworkProblem() throws Exception {
        AssumedRole role = context.aws().assume(target);
        sandbox.awsFederationFaults().hangNext(Duration.ofSeconds(5));
        AwsConsoleSignIn quick = new AwsConsoleSignIn(new FederationEndpoint(Duration.ofSeconds(1), clock));
        CredentialsException silence = catchThrowableOfType(() -> quick.link(session(target), null, null), CredentialsException.class);
        assertThat(silence.remedy()).isEqualTo(Remedy.TRY_LATER);
        assertThat(silence.getMessage()).contains("did not answer within 1 s");

        int closedPort;
        try (ServerSocket socket = new ServerSocket(0)) {
            closedPort = socket.getLocalPort();
        }
        AwsRoleTarget nowhere = new AwsRoleTarget(target.name(), target.roleArn(), target.profile(), target.region(),
                target.sessionDuration(), null, target.issuer(), target.stsEndpoint(),
                URI.create("http://127.0.0.1:" + closedPort + "/federation"));
        CredentialsException unreachable = catchThrowableOfType(() -> context.awsConsole().link(session(nowhere), null, null),
                CredentialsException.class);
        assertThat(unreachable.remedy()).isEqualTo(Remedy.CHECK_NETWORK);
        assertThat(unreachable.getMessage()).isEqualTo("Cannot reach the AWS federation endpoint http://127.0.0.1:"
                + closedPort + "/federation: the connection was refused. Check the network connection and any proxy,"
                + " then try again.");
        assertNoSecretIn(unreachable, role);
    }

    @Test
    void aGovCloudRoleGoesToItsOwnFederationHost() {
        AwsRoleTarget gov = new AwsRoleTarget("gov", "arn:aws-us-gov:iam::123456789012:role/dev", "gov", "us-gov-west-1",
                null, null, target.issuer(), target.stsEndpoint());
        // no such role in the sandbox: STS refuses before any federation call, so nothing leaves this machine
        assertThatThrownBy(() -> context.awsConsole().link(session(gov), null, "https://console.aws.amazon.com/"))
                .hasMessageContaining("(aws-us-gov): give an https URL on console.amazonaws-us-gov.com");
        assertThat(SandboxAws.DEFAULT_ROLE_ARN).startsWith("arn:aws:");
    }

    private AwsSessions.AwsSession session(AwsRoleTarget role) {
        return AwsSessions.of(context.kinds(), role).orElseThrow();
    }

    private Remedy remedyOf(Runnable call) {
        return catchThrowableOfType(call::run, CredentialsException.class).remedy();
    }

    private static void assertNoSecretIn(Throwable failure, AssumedRole role) {
        for (Throwable at = failure; at != null; at = at.getCause()) {
            assertThat(String.valueOf(at.getMessage())).doesNotContain(role.secretAccessKey())
                    .doesNotContain(role.sessionToken()).doesNotContain("Session=").doesNotContain("SigninToken=");
        }
    }

    private HttpResponse<String> getSigninToken(String session) throws IOException, InterruptedException {
        return FakeBrowser.get(URI.create(sandbox.endpoints().get("aws-signin") + "?Action=getSigninToken&Session="
                + java.net.URLEncoder.encode(session, java.nio.charset.StandardCharsets.UTF_8)));
    }

    private static String token(ConsoleLink link) {
        String query = link.url().getRawQuery();
        return query.substring(query.indexOf("SigninToken=") + "SigninToken=".length());
    }

    private static HttpResponse<String> follow(URI url) throws IOException, InterruptedException {
        HttpClient browser = HttpClient.newBuilder().followRedirects(HttpClient.Redirect.NORMAL).build();
        return browser.send(HttpRequest.newBuilder(url).build(), HttpResponse.BodyHandlers.ofString());
    }
}
