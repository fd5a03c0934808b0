package dev.fedcred.core.aws;

import dev.fedcred.core.CredentialsException;
import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import dev.fedcred.core.FedcredException;
import dev.fedcred.core.issued.UnusableCredentialsException;
import dev.fedcred.core.net.ReplyTooLargeException;
import dev.fedcred.core.oidc.TokenSet;
import dev.fedcred.core.aws.AwsRoleTarget;
import dev.fedcred.sandbox.SandboxAws;
import dev.fedcred.sandbox.SandboxOptions;
import dev.fedcred.sandbox.SandboxServer;
import dev.fedcred.testing.SandboxSignIn;
import java.net.URI;
import java.time.Duration;
import java.time.Instant;
import org.assertj.core.api.ThrowableAssert.ThrowingCallable;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;

/**
 * Replies no real STS sends, through the real AWS SDK against the sandbox's fault injection: each
 * ends in a FedcredException whose message says what to do, never a NullPointerException, never
 * credentials written.
 */
class StsOddRepliesTest {
    private static final Duration DEADLINE = Duration.ofSeconds(3);
    private static SandboxServer sandbox;
    private static TokenSet tokens;
    private static WebIdentityRoleAssumer assumer;
    private static AwsRoleTarget target;

    @BeforeAll
    static void signIn() throws Exception {
        sandbox = SandboxServer.start(SandboxOptions.defaults().withPort(0).withAutoApprove(true));
        tokens = SandboxSignIn.signIn(sandbox);
        assumer = new WebIdentityRoleAssumer(DEADLINE);
        target = new AwsRoleTarget("t", SandboxAws.DEFAULT_ROLE_ARN, "p", "eu-west-1", Duration.ofHours(1), null,
                "sandbox", URI.create(sandbox.endpoints().get("aws-sts")));
    }

    @AfterEach
    void noFaultLeft() {
        sandbox.awsStsFaults().clear();
    }

    @AfterAll
    static void stop() {
        assumer.close();
        sandbox.close();
    }

    private static ThrowingCallable assume() {
        return () -> assumer.assume(target, tokens);
    }

    private static void assertNotAnStsReply(ThrowingCallable call, String... parts) {
        assertThatThrownBy(call).isInstanceOfSatisfying(CredentialsException.class, e -> {
            assertThat(e.remedy()).isEqualTo(CredentialsException.Remedy.CHECK_ENDPOINT);
            assertThat(e.getMessage()).contains(parts).contains("proxy").doesNotContain("Cannot reach");
        });
    }

    @Test
    void aProxysHtmlPageWith200IsNotTakenForCredentials() {
        sandbox.awsStsFaults().htmlPageNext(200);
        assertNotAnStsReply(assume(), sandbox.endpoints().get("aws-sts"));
    }

    @Test
    void aProxysHtmlPageWith503SaysItIsNotStsAfterRetrying() {
        for (int i = 0; i < 5; i++) {
            sandbox.awsStsFaults().htmlPageNext(503);
        }
        assertNotAnStsReply(assume(), "HTTP 503");
    }

    @Test
    void aReplyWithoutCredentialsSaysSo() {
        sandbox.awsStsFaults().replyWithoutCredentialsNext();
        assertNotAnStsReply(assume(), "Credentials");
    }

    @Test
    void anErrorWithoutACodeSaysSo() {
        sandbox.awsStsFaults().errorWithoutCodeNext();
        assertNotAnStsReply(assume(), "HTTP 400");
    }

    @Test
    void aReplyWithoutExpirationIsRefused() {
        sandbox.awsStsFaults().replyWithoutExpirationNext();
        assertThatThrownBy(assume()).isInstanceOf(UnusableCredentialsException.class)
                .hasMessageContaining("without saying when the credentials expire");
    }

    @Test
    void credentialsAlreadyExpiredAreRefused() {
        sandbox.awsStsFaults().credentialsExpiringNext(Instant.now().minusSeconds(3600));
        assertThatThrownBy(assume()).isInstanceOf(UnusableCredentialsException.class)
                .hasMessageContaining("expired at").hasMessageContaining("clock");
    }

    @Test
    void credentialsWithLessThanAMinuteLeftAreRefused() {
        sandbox.awsStsFaults().credentialsExpiringNext(Instant.now().plusSeconds(30));
        assertThatThrownBy(assume()).isInstanceOf(UnusableCredentialsException.class)
                .hasMessageContaining("less than a minute from now");
    }

    @Test
    void aSessionTokenOfAbsurdSizeIsRefused() {
        sandbox.awsStsFaults().oversizedCredentialNext("SessionToken", 200_000, Instant.now().plusSeconds(3600));
        assertThatThrownBy(assume()).isInstanceOf(UnusableCredentialsException.class)
                .hasMessageContaining("SessionToken of 200000 characters");
    }

    @Test
    void aFiveMegabyteSecretIsRefusedWithoutReadingItAll() {
        sandbox.awsStsFaults().oversizedCredentialNext("SecretAccessKey", 5L * 1024 * 1024, Instant.now().plusSeconds(3600));
        assertThatThrownBy(assume()).isInstanceOf(ReplyTooLargeException.class)
                .hasMessageContaining("AWS STS reply").hasMessageContaining("larger than 1 MiB");
    }

    @Test
    void anEndlessReplyStopsAtTheLimitNamingIt() {
        sandbox.awsStsFaults().endlessReplyNext(200L * 1024 * 1024);
        assertThatThrownBy(assume()).isInstanceOf(ReplyTooLargeException.class)
                .hasMessageContaining("The AWS STS reply from http://127.0.0.1:" + sandbox.issuerUri().getPort())
                .hasMessageContaining("larger than 1 MiB");
    }

    @Test
    void aHangingStsFailsAtTheDeadlineSayingSo() {
        for (int i = 0; i < 4; i++) {
            sandbox.awsStsFaults().hangNext(Duration.ofSeconds(20));
        }
        long start = System.nanoTime();
        assertThatThrownBy(assume()).isInstanceOfSatisfying(CredentialsException.class, e -> {
            assertThat(e.remedy()).isEqualTo(CredentialsException.Remedy.TRY_LATER);
            assertThat(e.getMessage()).contains("did not answer within 3 s");
        });
        assertThat(Duration.ofNanos(System.nanoTime() - start)).isLessThan(DEADLINE.plusSeconds(2));
    }

    @Test
    void noFailureHereIsAnythingButAFedcredException() {
        sandbox.awsStsFaults().htmlPageNext(200);
        assertThatThrownBy(assume()).isInstanceOf(FedcredException.class);
    }
}
