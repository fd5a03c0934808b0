package dev.fedcred.core.gcp;

import dev.fedcred.core.CredentialsException;
import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import dev.fedcred.core.issued.UnusableCredentialsException;
import dev.fedcred.core.net.ReplyTooLargeException;
import dev.fedcred.core.oidc.TokenSet;
import dev.fedcred.sandbox.GcpFaults;
import dev.fedcred.sandbox.GcpFaults.Endpoint;
import dev.fedcred.sandbox.SandboxGcp;
import dev.fedcred.sandbox.SandboxOptions;
import dev.fedcred.sandbox.SandboxServer;
import dev.fedcred.testing.SandboxSignIn;
import java.net.URI;
import java.nio.file.Path;
import java.time.Duration;
import java.time.Instant;
import java.util.List;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * Replies real Google never sends, through the real google-auth-library against the sandbox's GCP
 * fault injection: expired or huge tokens are refused before anything is cached or written,
 * endless replies stop at the limit, silence ends at the deadline, and a proxy's page is named as such.
 */
class GcpOddRepliesTest {
    private static final Duration DEADLINE = Duration.ofSeconds(3);

    @TempDir
    static Path dir;

    private static SandboxServer sandbox;
    private static TokenSet tokens;
    private static final WorkloadIdentityExchanger exchanger = new WorkloadIdentityExchanger(new GcpHttpTransports(DEADLINE),
            java.time.Clock.systemUTC());

    @BeforeAll
    static void signIn() throws Exception {
        sandbox = SandboxServer.start(SandboxOptions.defaults().withPort(0).withAutoApprove(true)
                .withDataDir(dir.resolve("sandbox")));
        tokens = SandboxSignIn.signIn(sandbox);
    }

    @AfterEach
    void clearFaults() {
        sandbox.gcpFaults().clear();
    }

    @AfterAll
    static void stop() {
        sandbox.close();
    }

    private static GcpFaults faults() {
        return sandbox.gcpFaults();
    }

    private static GcpWorkloadTarget target(String serviceAccount) {
        return new GcpWorkloadTarget("sandbox-gcp", SandboxGcp.PROJECT_NUMBER, SandboxGcp.POOL_ID, SandboxGcp.PROVIDER_ID,
                serviceAccount, List.of(), Duration.ofHours(1), null, "sandbox",
                URI.create(sandbox.endpoints().get("gcp-sts")), URI.create(sandbox.endpoints().get("gcp-iamcredentials")),
                sandbox.gcpCaFile());
    }

    private static GcpWorkloadTarget federated() {
        return target(null);
    }

    private static GcpWorkloadTarget impersonating() {
        return target(SandboxGcp.SERVICE_ACCOUNT);
    }

    @Test
    void anExpiredFederatedTokenIsRefused() {
        faults().accessTokenNext(Endpoint.STS, 200, Instant.now().minusSeconds(600));
        assertThatThrownBy(() -> exchanger.exchange(federated(), tokens)).isInstanceOf(UnusableCredentialsException.class)
                .hasMessageContaining("Google STS at " + sandbox.endpoints().get("gcp-sts"))
                .hasMessageContaining("expired at");
    }

    @Test
    void anImpersonatedTokenWithLessThanAMinuteLeftIsRefused() {
        faults().accessTokenNext(Endpoint.IAM_CREDENTIALS, 200, Instant.now().plusSeconds(20));
        assertThatThrownBy(() -> exchanger.exchange(impersonating(), tokens)).isInstanceOf(UnusableCredentialsException.class)
                .hasMessageContaining("Google IAM Credentials at")
                .hasMessageContaining("less than a minute from now");
    }

    @Test
    void anAccessTokenOfAbsurdSizeIsRefused() {
        faults().accessTokenNext(Endpoint.IAM_CREDENTIALS, 300_000, Instant.now().plusSeconds(3600));
        assertThatThrownBy(() -> exchanger.exchange(impersonating(), tokens)).isInstanceOf(UnusableCredentialsException.class)
                .hasMessageContaining("access token of 300000 characters");
        faults().accessTokenNext(Endpoint.STS, 300_000, Instant.now().plusSeconds(3600));
        assertThatThrownBy(() -> exchanger.exchange(federated(), tokens)).isInstanceOf(UnusableCredentialsException.class)
                .hasMessageContaining("access token of 300000 characters");
    }

    @Test
    void endlessRepliesStopAtTheLimitNamingWhichService() {
        faults().endlessReplyNext(Endpoint.STS, 200L * 1024 * 1024);
        assertThatThrownBy(() -> exchanger.exchange(federated(), tokens)).isInstanceOf(ReplyTooLargeException.class)
                .hasMessageContaining("The Google STS reply from " + sandbox.endpoints().get("gcp-sts"))
                .hasMessageContaining("larger than 1 MiB");
        faults().endlessReplyNext(Endpoint.IAM_CREDENTIALS, 200L * 1024 * 1024);
        assertThatThrownBy(() -> exchanger.exchange(impersonating(), tokens)).isInstanceOf(ReplyTooLargeException.class)
                .hasMessageContaining("The IAM Credentials reply from ")
                .hasMessageContaining("larger than 1 MiB");
    }

    @Test
    void aHangingGoogleStsFailsAtTheDeadline() {
        for (int i = 0; i < 4; i++) {
            faults().hangNext(Endpoint.STS, Duration.ofSeconds(20));
        }
        long start = System.nanoTime();
        assertThatThrownBy(() -> exchanger.exchange(federated(), tokens))
                .isInstanceOfSatisfying(CredentialsException.class, e -> {
                    assertThat(e.remedy()).isEqualTo(CredentialsException.Remedy.TRY_LATER);
                    assertThat(e.getMessage()).contains("did not answer within 3 s");
                });
        assertThat(Duration.ofNanos(System.nanoTime() - start)).isLessThan(DEADLINE.plusSeconds(2));
    }

    @Test
    void aProxysHtmlPageIsNotCalledANetworkFailure() {
        faults().htmlPageNext(Endpoint.STS, 200);
        assertThatThrownBy(() -> exchanger.exchange(federated(), tokens))
                .isInstanceOfSatisfying(CredentialsException.class, e -> {
                    assertThat(e.remedy()).isEqualTo(CredentialsException.Remedy.CHECK_ENDPOINT);
                    assertThat(e.getMessage()).contains("proxy").doesNotContain("Cannot reach");
                });
        faults().htmlPageNext(Endpoint.IAM_CREDENTIALS, 403);
        assertThatThrownBy(() -> exchanger.exchange(impersonating(), tokens))
                .isInstanceOfSatisfying(CredentialsException.class, e -> {
                    assertThat(e.remedy()).isEqualTo(CredentialsException.Remedy.CHECK_ENDPOINT);
                    assertThat(e.getMessage()).contains("HTTP 403").doesNotContain("Cannot reach");
                });
    }

    @Test
    void theExchangeStillWorksWhenNothingIsOdd() {
        assertThat(exchanger.exchange(impersonating(), tokens).accessToken()).isNotBlank();
        assertThat(exchanger.exchange(federated(), tokens).accessToken()).isNotBlank();
    }
}
