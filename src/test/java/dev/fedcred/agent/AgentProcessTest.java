package dev.fedcred.agent;

import static org.assertj.core.api.Assertions.assertThat;

import com.google.auth.oauth2.AccessToken;
import com.google.auth.oauth2.GoogleCredentials;
import dev.fedcred.FedcredContext;
import dev.fedcred.core.gcp.AdcSource;
import dev.fedcred.core.gcp.GcpHttpTransports;
import dev.fedcred.core.gcp.GcpWorkloadTarget;
import dev.fedcred.core.renewal.RenewalOutcome;
import dev.fedcred.core.renewal.RenewerSeat;
import dev.fedcred.core.renewal.RenewerState;
import dev.fedcred.core.status.LiveStatus;
import dev.fedcred.core.status.StatusSnapshot;
import dev.fedcred.sandbox.SandboxOptions;
import dev.fedcred.sandbox.SandboxServer;
import dev.fedcred.testing.CliRun;
import dev.fedcred.testing.FakeBrowser;
import dev.fedcred.testing.SandboxHome;
import java.io.InputStream;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.attribute.PosixFilePermissions;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.concurrent.CopyOnWriteArrayList;
import java.util.function.BooleanSupplier;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.Timeout;
import org.junit.jupiter.api.io.TempDir;

/**
 * The background agent as a real process against the sandbox, with no window: it keeps a
 * file-source ADC and an AWS profile fresh past the first ID token's expiry, hands renewal over to
 * a desktop app's {@link LiveStatus} and takes it back, and leaves cleanly on SIGTERM.
 */
class AgentProcessTest {
    /** Short enough that the test outlives the first ID token. */
    private static final Duration ID_TOKEN_LIFETIME = Duration.ofSeconds(12);
    /** The sandbox's AWS sessions last an hour: a lead just under it makes the profile due within seconds. */
    private static final String AWS_DUE_SOON = "3594";
    private static final Duration TAKE_OVER_BOUND = Duration.ofSeconds(15);
    private static final Pattern ACCESS_KEY = Pattern.compile("aws_access_key_id = (\\S+)");

    @TempDir
    Path home;
    private SandboxServer sandbox;
    private static final String FILE_SOURCED = "sandbox-gcp-file";

    private Map<String, String> env;
    private FedcredContext context;

    @BeforeEach
    void signInAndWrite() throws Exception {
        sandbox = SandboxServer.start(SandboxOptions.defaults().withPort(0).withAutoApprove(true)
                .withIdTokenLifetime(ID_TOKEN_LIFETIME).withDataDir(SandboxHome.sandboxDataDir(home)));
        env = SandboxHome.environment(sandbox, home);
        context = new FedcredContext(env, Clock.systemUTC(), new FakeBrowser());
        // the agent is what keeps a file-source ADC fresh: sandbox-gcp's, with the file source
        GcpWorkloadTarget builtIn = (GcpWorkloadTarget) context.targets().resolve("sandbox-gcp");
        context.targetEditor().save(new GcpWorkloadTarget(FILE_SOURCED, builtIn.projectNumber(), builtIn.poolId(),
                builtIn.providerId(), builtIn.serviceAccount(), builtIn.scopes(), builtIn.tokenLifetime(),
                builtIn.adcFile(), builtIn.issuer(), builtIn.stsEndpoint(), builtIn.iamCredentialsEndpoint(),
                builtIn.trustedCaFile(), AdcSource.FILE), null);
        for (String[] command : List.of(new String[] {"login", "--issuer", "sandbox"},
                new String[] {"assume", FILE_SOURCED}, new String[] {"assume", "sandbox-aws"})) {
            CliRun run = CliRun.run(context, command);
            assertThat(run.exitCode()).as(run.err()).isZero();
        }
    }

    @AfterEach
    void stop() {
        sandbox.close();
    }

    @Test
    @Timeout(120)
    void theAgentAloneKeepsTheAdcFileAndTheAwsProfileFreshPastTheFirstIdTokensExpiry() throws Exception {
        String firstIdToken = Files.readString(idTokenFile());
        String firstAccessKey = accessKey();
        Instant firstExpiry = Instant.now().plus(ID_TOKEN_LIFETIME);
        try (AgentChild agent = AgentChild.start(home, env, "--check-every", "1", "--lead", AWS_DUE_SOON)) {
            waitUntil(Duration.ofSeconds(30), () -> !read(idTokenFile()).equals(firstIdToken)
                    && !firstAccessKey.equals(accessKeyOrNull()));
            // past the first ID token's life, with no other fedcred command run: the file source still works
            while (Instant.now().isBefore(firstExpiry.plusSeconds(2))) {
                Thread.sleep(250);
            }
            assertThat(tokenFromAdc().getTokenValue()).isNotBlank();

            CliRun status = CliRun.run(context, "agent", "status");
            assertThat(status.exitCode()).as(status.out() + status.err()).isZero();
            assertThat(status.out()).contains("Agent: running (process " + agent.pid() + ",")
                    .containsPattern("Last renewal: \\d{4}-\\d\\d-\\d\\dT.* \\(by the agent\\)")
                    .contains("Next renewal: ");
            assertThat(agent.terminate()).as("SIGTERM's exit status").isEqualTo(143);
        }
        String log = Files.readString(context.paths().stateDir().resolve("agent.log"));
        // the ID token is renewed on its own when due (a quarter of its 12 s life ahead), or sooner as
        // part of a target's renewal: which comes first depends on the timing, so either line may say it
        assertThat(log).containsPattern("renewed (the ID token of issuer sandbox|target " + FILE_SOURCED + ") until")
                .contains("renewed target sandbox-aws until").contains("renewed target " + FILE_SOURCED + " until")
                .contains("stopped; the renewer seat is free")
                .doesNotContain(firstIdToken).doesNotContain(Files.readString(idTokenFile()));
        assertThat(PosixFilePermissions.toString(Files.getPosixFilePermissions(agentLog()))).isEqualTo("rw-------");
        CliRun after = CliRun.run(context, "agent", "status");
        assertThat(after.exitCode()).isEqualTo(1);
        assertThat(after.out()).contains("Agent: not running").contains("(by the agent)");
    }

    @Test
    @Timeout(150)
    void theAppLeavesRenewalToARunningAgentAndTakesItOverWhenTheAgentStopsAndBack() throws Exception {
        Heard heard = new Heard();
        try (AgentChild agent = AgentChild.start(home, env, "--check-every", "1")) {
            waitUntil(Duration.ofSeconds(30), () -> holderPid().equals(Optional.of(agent.pid())));

            try (LiveStatus app = appRenewingEverySecond()) {
                app.addListener(heard);
                app.startWatching();
                waitUntil(TAKE_OVER_BOUND, () -> heard.lastHolder().map(RenewerState::pid).equals(Optional.of(agent.pid())));
                // the agent renews the ID token every few seconds; the app only looks
                String before = read(idTokenFile());
                waitUntil(Duration.ofSeconds(30), () -> !read(idTokenFile()).equals(before));
                assertThat(heard.renewals).as("renewals by the app while the agent holds the seat").isEmpty();
                assertThat(RenewerSeat.holderOf(context.paths()).map(RenewerState::role)).contains(RenewerSeat.AGENT);

                agent.terminate();
                Instant stopped = Instant.now();
                waitUntil(TAKE_OVER_BOUND, () -> heard.lastHolder().isEmpty() && !heard.renewals.isEmpty());
                assertThat(Duration.between(stopped, Instant.now())).isLessThan(TAKE_OVER_BOUND);
                assertThat(RenewerSeat.lastKnown(RenewerSeat.stateFileIn(context.paths())).map(RenewerState::pid))
                        .contains(ProcessHandle.current().pid());

                try (AgentChild second = AgentChild.start(home, env, "--check-every", "1")) {
                    waitUntil(Duration.ofSeconds(30), () -> read(agentLog()).contains("another fedcred renews (app, process "
                            + ProcessHandle.current().pid() + "); waiting to take over"));
                    app.close();
                    Instant appClosed = Instant.now();
                    waitUntil(TAKE_OVER_BOUND, () -> holderPid().equals(Optional.of(second.pid())));
                    assertThat(Duration.between(appClosed, Instant.now())).isLessThan(TAKE_OVER_BOUND);
                    assertThat(read(agentLog())).contains("holds the renewer seat: renewing here");
                    second.terminate();
                }
            }
        }
    }

    private LiveStatus appRenewingEverySecond() {
        return new LiveStatus(context.statusReader(), context::renewer, context::sessions, List.of(),
                Duration.ofSeconds(1), Duration.ofSeconds(1), RenewerSeat.in(context.paths(), RenewerSeat.APP, context.clock()));
    }

    private Optional<Long> holderPid() {
        return RenewerSeat.holderOf(context.paths()).map(RenewerState::pid);
    }

    /** What the window would hear. */
    private static final class Heard implements LiveStatus.Listener {
        final List<List<RenewalOutcome>> renewals = new CopyOnWriteArrayList<>();
        private volatile Optional<RenewerState> holder = Optional.empty();

        @Override
        public void changed(StatusSnapshot snapshot) {
        }

        @Override
        public void renewed(List<RenewalOutcome> outcomes) {
            renewals.add(outcomes);
        }

        @Override
        public void renewedElsewhere(Optional<RenewerState> now) {
            holder = now;
        }

        Optional<RenewerState> lastHolder() {
            return holder;
        }
    }

    private Path idTokenFile() {
        return home.resolve("fedcred/state/gcp/sandbox.id-token");
    }

    private Path agentLog() {
        return home.resolve("fedcred/state/agent.log");
    }

    private Path sandboxAdc() {
        return home.resolve("fedcred/state/sandbox/gcp-application_default_credentials.json");
    }

    private AccessToken tokenFromAdc() throws Exception {
        try (InputStream in = Files.newInputStream(sandboxAdc())) {
            return GoogleCredentials.fromStream(in, new GcpHttpTransports().forExchange(sandbox.gcpCaFile()))
                    .createScoped(List.of(GcpWorkloadTarget.CLOUD_PLATFORM_SCOPE)).refreshAccessToken();
        }
    }

    private String accessKey() {
        String key = accessKeyOrNull();
        assertThat(key).as("the sandbox-aws profile's access key").isNotNull();
        return key;
    }

    private String accessKeyOrNull() {
        Matcher matcher = ACCESS_KEY.matcher(read(home.resolve("aws/credentials")));
        return matcher.find() ? matcher.group(1) : null;
    }

    private static String read(Path file) {
        try {
            return Files.exists(file) ? Files.readString(file, StandardCharsets.UTF_8) : "";
        } catch (java.io.IOException e) {
            return "";
        }
    }

    private static void waitUntil(Duration bound, BooleanSupplier condition) throws InterruptedException {
        Instant deadline = Instant.now().plus(bound);
        while (!condition.getAsBoolean()) {
            if (Instant.now().isAfter(deadline)) {
                throw new AssertionError("not within " + bound);
            }
            Thread.sleep(100);
        }
    }
}
