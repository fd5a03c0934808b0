package dev.fedcred.core.renewal;

import dev.fedcred.testing.SandboxHome;
import static org.assertj.core.api.Assertions.assertThat;

import dev.fedcred.FedcredContext;
import dev.fedcred.core.aws.AssumedRole;
import dev.fedcred.core.aws.AwsRoleTarget;
import dev.fedcred.core.gcp.GcpWorkloadTarget;
import dev.fedcred.sandbox.SandboxOptions;
import dev.fedcred.sandbox.SandboxServer;
import dev.fedcred.testing.CliRun;
import dev.fedcred.testing.FakeBrowser;
import dev.fedcred.testing.MutableClock;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.List;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * Renewal ahead of expiry against the sandbox, with one wall clock, shared by fedcred and the
 * sandbox, that the test moves: nothing is
 * renewed early, everything due is renewed without a browser, a jump past expiry (sleep and
 * wake) renews what expired, and a lost sign-in is reported as needing the browser.
 */
class CredentialRenewerTest {
    @TempDir
    Path home;

    private final MutableClock clock = new MutableClock();
    private SandboxServer sandbox;
    private FedcredContext context;
    private AwsRoleTarget aws;
    private GcpWorkloadTarget gcp;

    @BeforeEach
    void signInAndGetCredentials() throws Exception {
        sandbox = SandboxServer.start(SandboxOptions.defaults().withPort(0).withGcpPort(0).withAutoApprove(true)
                .withDataDir(SandboxHome.sandboxDataDir(home)), clock);
        context = new FedcredContext(SandboxHome.environment(sandbox, home), clock, new FakeBrowser());
        assertThat(CliRun.run(context, "login", "--issuer", "sandbox").exitCode()).isZero();
        aws = (AwsRoleTarget) context.targets().resolve("sandbox-aws");
        gcp = (GcpWorkloadTarget) context.targets().resolve("sandbox-gcp");
        context.aws().assumeAndWrite(aws, false);
        context.gcp().assumeAndWrite(gcp, false);
    }

    @AfterEach
    void stop() {
        sandbox.close();
    }

    private static List<String> renewed(List<RenewalOutcome> outcomes) {
        return outcomes.stream().filter(RenewalOutcome::succeeded).map(RenewalOutcome::name).toList();
    }

    @Test
    void nothingIsRenewedWhileItHasMoreThanFiveMinutesLeft() {
        assertThat(context.renewer().renewDue()).isEmpty();
        clock.advance(Duration.ofMinutes(54));
        assertThat(context.renewer().renewDue()).isEmpty();
    }

    @Test
    void whatIsDueIsRenewedWithoutABrowserAndWrittenAgain() throws Exception {
        String keyBefore = context.aws().cached(aws).orElseThrow().accessKeyId();
        clock.advance(Duration.ofMinutes(56));

        List<RenewalOutcome> outcomes = context.renewer().renewDue();

        assertThat(outcomes).allSatisfy(outcome -> assertThat(outcome.failure()).isNull());
        assertThat(renewed(outcomes)).containsExactlyInAnyOrder("sandbox", "sandbox-aws", "sandbox-gcp");
        AssumedRole now = context.aws().cached(aws).orElseThrow();
        assertThat(now.accessKeyId()).isNotEqualTo(keyBefore);
        assertThat(Files.readString(home.resolve("aws/credentials"))).contains(now.accessKeyId());
    }

    @Test
    void aJumpPastExpiryLikeWakingFromSleepRenewsWhatExpired() {
        clock.advance(Duration.ofHours(3));
        assertThat(renewed(context.renewer().renewDue())).containsExactlyInAnyOrder("sandbox", "sandbox-aws", "sandbox-gcp");
    }

    @Test
    void aSignOutLeavesNothingToRenew() {
        context.sessions().signOut("sandbox");
        clock.advance(Duration.ofMinutes(56));
        assertThat(context.renewer().renewDue()).as("signing out forgot the targets' credentials").isEmpty();
    }

    @Test
    void withoutASignInTheFailureAsksForTheBrowser() throws Exception {
        // the sign-in is lost, not signed out of (which would forget the credentials too)
        Files.delete(context.paths().tokenCacheFile());
        clock.advance(Duration.ofMinutes(56));
        List<RenewalOutcome> outcomes = context.renewer().renewDue();
        assertThat(outcomes).extracting(RenewalOutcome::name).containsExactlyInAnyOrder("sandbox-aws", "sandbox-gcp");
        assertThat(outcomes).allSatisfy(outcome -> {
            assertThat(outcome.succeeded()).isFalse();
            assertThat(outcome.needsBrowserSignIn()).isTrue();
            assertThat(outcome.failure().getMessage()).contains("fedcred login --issuer sandbox");
        });
    }

    @Test
    void aProfileTheUserRemovedIsNotWrittenBack() throws Exception {
        context.aws().removeProfile(aws.profile());
        clock.advance(Duration.ofMinutes(56));
        assertThat(renewed(context.renewer().renewDue())).doesNotContain("sandbox-aws");
        assertThat(Files.readString(home.resolve("aws/credentials"))).doesNotContain("fedcred-sandbox");
    }

    @Test
    void renewNowGetsNewCredentialsLongBeforeTheyAreDueAndTheIdTokenWhenItIsDue() throws Exception {
        String keyBefore = context.aws().cached(aws).orElseThrow().accessKeyId();
        String idTokenBefore = context.sessions().current("sandbox").orElseThrow().rawIdToken();
        clock.advance(Duration.ofMinutes(10));

        RenewalOutcome early = context.renewer().renewNow(aws);
        assertThat(early.failure()).isNull();
        AssumedRole now = context.aws().cached(aws).orElseThrow();
        assertThat(now.accessKeyId()).isNotEqualTo(keyBefore);
        assertThat(early.renewedUntil()).isEqualTo(now.expiration());
        assertThat(Files.readString(home.resolve("aws/credentials"))).contains(now.accessKeyId()).doesNotContain(keyBefore);
        // ten minutes in, the ID token had fifty left: it stays
        assertThat(context.sessions().current("sandbox").orElseThrow().rawIdToken()).isEqualTo(idTokenBefore);

        clock.advance(Duration.ofMinutes(46));
        RenewalOutcome gcpRenewed = context.renewer().renewNow(gcp);
        assertThat(gcpRenewed.failure()).isNull();
        assertThat(context.sessions().current("sandbox").orElseThrow().rawIdToken()).isNotEqualTo(idTokenBefore);
        assertThat(gcpRenewed.renewedUntil()).isAfter(clock.instant().plus(Duration.ofMinutes(50)));
    }

    @Test
    void renewNowLeavesAProfileItDidNotWriteAloneAndSaysSo() throws Exception {
        context.aws().removeProfile(aws.profile());
        Files.writeString(home.resolve("aws/credentials"), "[fedcred-sandbox]\naws_access_key_id = AKIAHANDWRITTEN00001\n");

        RenewalOutcome outcome = context.renewer().renewNow(aws);

        assertThat(outcome.succeeded()).isFalse();
        assertThat(Files.readString(home.resolve("aws/credentials"))).contains("AKIAHANDWRITTEN00001");
    }
}
