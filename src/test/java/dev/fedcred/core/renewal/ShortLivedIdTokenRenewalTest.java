package dev.fedcred.core.renewal;

import static org.assertj.core.api.Assertions.assertThat;

import dev.fedcred.FedcredContext;
import dev.fedcred.sandbox.SandboxOptions;
import dev.fedcred.sandbox.SandboxServer;
import dev.fedcred.testing.CliRun;
import dev.fedcred.testing.FakeBrowser;
import dev.fedcred.testing.MutableClock;
import dev.fedcred.testing.SandboxHome;
import java.nio.file.Path;
import java.time.Duration;
import java.time.Instant;
import java.time.temporal.ChronoUnit;
import java.util.List;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * ID tokens that live 2 minutes (`fedcred sandbox --token-lifetime 120`): the renewal lead scales
 * down to a quarter of the lifetime, so a fresh token is not renewed on every check, and one due is
 * renewed with time to use it. With the fixed 5-minute lead every check renewed.
 */
class ShortLivedIdTokenRenewalTest {
    private static final Duration LIFETIME = Duration.ofSeconds(120);

    @TempDir
    Path home;

    // stopped: the test counts seconds left, which a loaded machine must not eat into
    private final MutableClock clock = MutableClock.stoppedAt(Instant.now().truncatedTo(ChronoUnit.SECONDS));
    private SandboxServer sandbox;
    private FedcredContext context;

    @BeforeEach
    void signIn() throws Exception {
        sandbox = SandboxServer.start(SandboxOptions.defaults().withPort(0).withGcpPort(0).withAutoApprove(true)
                .withIdTokenLifetime(LIFETIME).withDataDir(SandboxHome.sandboxDataDir(home)), clock);
        context = new FedcredContext(SandboxHome.environment(sandbox, home), clock, new FakeBrowser());
        assertThat(CliRun.run(context, "login", "--issuer", "sandbox").exitCode()).isZero();
    }

    @AfterEach
    void stop() {
        sandbox.close();
    }

    private Instant idTokenExpiry() {
        return context.sessions().current("sandbox").orElseThrow().expiresAt();
    }

    private List<RenewalOutcome> idTokenRenewals() {
        return context.renewer().renewDue().stream().filter(outcome -> outcome.kind() == RenewalOutcome.Kind.ID_TOKEN).toList();
    }

    @Test
    void aFreshTwoMinuteTokenIsNotRenewedAndOneWithAQuarterLeftIs() {
        Instant first = idTokenExpiry();
        assertThat(idTokenRenewals()).isEmpty();
        clock.advance(Duration.ofSeconds(89)); // 31 s left: more than a quarter of 120 s
        assertThat(idTokenRenewals()).isEmpty();
        assertThat(idTokenExpiry()).isEqualTo(first);

        clock.advance(Duration.ofSeconds(2)); // 29 s left
        List<RenewalOutcome> renewed = idTokenRenewals();

        assertThat(renewed).singleElement().satisfies(outcome -> assertThat(outcome.failure()).isNull());
        // JWT times are whole seconds
        assertThat(idTokenExpiry()).isBetween(clock.instant().plus(LIFETIME).minusSeconds(1), clock.instant().plus(LIFETIME));
    }

    @Test
    void theNextRenewalIsDueAQuarterOfTheLifetimeAhead() {
        // what the window's next check waits for and `fedcred agent status` says: with the fixed
        // 5-minute lead it was already past, 3 minutes before the token was even issued
        assertThat(context.renewer().nextDue()).contains(idTokenExpiry().minus(LIFETIME.dividedBy(4)));
    }

    @Test
    void renewalKeepsUpOverSeveralLifetimes() {
        for (int lifetime = 0; lifetime < 5; lifetime++) {
            Instant before = idTokenExpiry();
            clock.advance(Duration.ofSeconds(100));
            assertThat(idTokenRenewals()).singleElement().satisfies(outcome -> assertThat(outcome.failure()).isNull());
            assertThat(idTokenExpiry()).isAfter(before);
            assertThat(idTokenRenewals()).as("just renewed: not due again").isEmpty();
        }
    }
}
