package dev.fedcred.core.status;

import static org.assertj.core.api.Assertions.assertThat;

import dev.fedcred.FedcredContext;
import dev.fedcred.core.renewal.RenewalOutcome;
import dev.fedcred.core.renewal.RenewerSeat;
import dev.fedcred.sandbox.SandboxOptions;
import dev.fedcred.sandbox.SandboxServer;
import dev.fedcred.testing.CliRun;
import dev.fedcred.testing.FakeBrowser;
import dev.fedcred.testing.SandboxHome;
import java.nio.file.Path;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.util.List;
import java.util.concurrent.CopyOnWriteArrayList;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * The window's renewal checks come when something falls due, not only at the check interval: an
 * ID token that lives less than the interval (the sandbox's 20-s tokens against 30-s checks) was
 * renewed only after it had expired, and the soak's renewals came every 30 s instead of every 15.
 */
class RenewalCheckTimingTest {
    /** Due 3 s before it expires (a quarter of its life): 9 s after each renewal. */
    private static final Duration ID_TOKEN_LIFETIME = Duration.ofSeconds(12);
    private static final Duration CHECK_EVERY = Duration.ofSeconds(14);

    @TempDir
    Path home;
    private SandboxServer sandbox;
    private FedcredContext context;

    @BeforeEach
    void signIn() throws Exception {
        sandbox = SandboxServer.start(SandboxOptions.defaults().withPort(0).withAutoApprove(true)
                .withIdTokenLifetime(ID_TOKEN_LIFETIME).withDataDir(SandboxHome.sandboxDataDir(home)));
        context = new FedcredContext(SandboxHome.environment(sandbox, home), Clock.systemUTC(), new FakeBrowser());
        CliRun login = CliRun.run(context, "login", "--issuer", "sandbox");
        assertThat(login.exitCode()).as(login.err()).isZero();
    }

    @AfterEach
    void stop() {
        sandbox.close();
    }

    @Test
    void aTokenThatLivesLessThanTheIntervalIsRenewedWhenItFallsDue() throws Exception {
        List<Instant> renewals = new CopyOnWriteArrayList<>();
        List<RenewalOutcome> failures = new CopyOnWriteArrayList<>();
        try (LiveStatus live = new LiveStatus(context.statusReader(), context::renewer, context::sessions, List.of(),
                Duration.ofSeconds(1), CHECK_EVERY, RenewerSeat.in(context.paths(), RenewerSeat.APP, context.clock()))) {
            live.addListener(new LiveStatus.Listener() {
                @Override
                public void changed(StatusSnapshot snapshot) {
                }

                @Override
                public void renewed(List<RenewalOutcome> outcomes) {
                    outcomes.stream().filter(outcome -> !outcome.succeeded()).forEach(outcome -> failures.add(outcome));
                    renewals.add(Instant.now());
                }
            });
            live.startWatching();
            Instant deadline = Instant.now().plus(CHECK_EVERY.multipliedBy(3));
            while (renewals.size() < 2 && Instant.now().isBefore(deadline)) {
                Thread.sleep(100);
            }
        }

        assertThat(failures).isEmpty();
        assertThat(renewals).hasSizeGreaterThanOrEqualTo(2);
        // the first check comes at the interval and renews; the next when the new token is due, 9 s later
        assertThat(Duration.between(renewals.get(0), renewals.get(1))).isLessThan(Duration.ofSeconds(12));
    }
}
