package dev.fedcred.core.aws;

import dev.fedcred.core.CredentialsException;
import static dev.fedcred.core.CredentialsException.Remedy.*;
import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import dev.fedcred.core.FedcredException;
import dev.fedcred.core.oidc.TokenSet;
import dev.fedcred.core.aws.AwsRoleTarget;
import dev.fedcred.sandbox.SandboxAws;
import dev.fedcred.sandbox.SandboxOptions;
import dev.fedcred.sandbox.SandboxServer;
import dev.fedcred.testing.SandboxSignIn;
import java.net.InetAddress;
import java.net.ServerSocket;
import java.net.URI;
import java.time.Duration;
import java.time.Instant;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;

/** AssumeRoleWithWebIdentity through the real AWS SDK against the sandbox's STS emulator. */
class WebIdentityRoleAssumerTest {
    private static SandboxServer sandbox;
    private static TokenSet tokens;
    private static WebIdentityRoleAssumer assumer;

    @BeforeAll
    static void signIn() throws Exception {
        sandbox = SandboxServer.start(SandboxOptions.defaults().withPort(0).withAutoApprove(true));
        tokens = SandboxSignIn.signIn(sandbox);
        assumer = new WebIdentityRoleAssumer(Duration.ofSeconds(5));
    }

    @AfterAll
    static void stop() {
        assumer.close();
        sandbox.close();
    }

    private static AwsRoleTarget target(String roleArn, Duration duration) {
        return new AwsRoleTarget("t", roleArn, "p", "eu-west-1", duration, null, "sandbox",
                URI.create(sandbox.endpoints().get("aws-sts")));
    }

    private static AwsRoleTarget target(String roleArn) {
        return target(roleArn, Duration.ofHours(1));
    }

    private static void assertFails(AwsRoleTarget target, TokenSet token, CredentialsException.Remedy remedy, String code,
                                    String... messageParts) {
        assertThatThrownBy(() -> assumer.assume(target, token))
                .isInstanceOfSatisfying(CredentialsException.class, e -> {
                    assertThat(e.remedy()).isEqualTo(remedy);
                    assertThat(e.errorCode()).isEqualTo(code);
                    assertThat(e.getMessage()).contains(messageParts).doesNotContain(token.rawIdToken());
                });
    }

    @Test
    void assumesTheRoleAndKeepsWhatStsSaid() {
        AssumedRole role = assumer.assume(target(SandboxAws.DEFAULT_ROLE_ARN), tokens);
        assertThat(role.accessKeyId()).startsWith("ASIA");
        assertThat(role.secretAccessKey()).isNotBlank();
        assertThat(role.sessionToken()).isNotBlank();
        assertThat(role.expiration()).isBetween(Instant.now().plusSeconds(3500), Instant.now().plusSeconds(3700));
        assertThat(role.assumedRoleArn())
                .isEqualTo("arn:aws:sts::000000000000:assumed-role/fedcred-sandbox/sandbox.user@example.com");
        assertThat(role.subject()).isEqualTo("sandbox-user-0001");
        assertThat(role.audience()).isEqualTo("fedcred-sandbox");
        assertThat(role.provider()).contains("127.0.0.1");
        assertThat(role.toString()).doesNotContain(role.secretAccessKey()).doesNotContain(role.sessionToken());
    }

    @Test
    void aTokenFromAnIssuerTheAccountDoesNotTrustIsInvalid() throws Exception {
        try (SandboxServer stranger = SandboxServer.start(SandboxOptions.defaults().withPort(0).withAutoApprove(true))) {
            TokenSet foreign = SandboxSignIn.signIn(stranger);
            assertFails(target(SandboxAws.DEFAULT_ROLE_ARN), foreign, FIX_CLOUD_SETUP, "InvalidIdentityToken",
                    "iss=" + stranger.issuerUri(), "aud=fedcred-sandbox", "sub=sandbox-user-0001",
                    "oidc-provider/127.0.0.1:" + stranger.issuerUri().getPort());
        }
    }

    @Test
    void anExpiredTokenAsksForANewSignIn() throws Exception {
        try (SandboxServer shortLived = SandboxServer.start(SandboxOptions.defaults().withPort(0).withAutoApprove(true)
                .withIdTokenLifetime(Duration.ofSeconds(1)))) {
            TokenSet expiring = SandboxSignIn.signIn(shortLived);
            Thread.sleep(2100);
            AwsRoleTarget target = new AwsRoleTarget("t", SandboxAws.DEFAULT_ROLE_ARN, "p", null, null, null, "sandbox",
                    URI.create(shortLived.endpoints().get("aws-sts")));
            assertFails(target, expiring, SIGN_IN_AGAIN, "ExpiredTokenException", "has expired", "fedcred login --issuer sandbox");
        }
    }

    @Test
    void aRoleWhoseTrustPolicyExcludesThisUserShowsWhatThePolicyMustSay() {
        assertFails(target(SandboxAws.OTHER_USER_ROLE_ARN), tokens, FIX_CLOUD_SETUP, "AccessDenied",
                "would not let this identity assume " + SandboxAws.OTHER_USER_ROLE_ARN,
                "\"Action\":\"sts:AssumeRoleWithWebIdentity\"", "sub=sandbox-user-0001");
    }

    @Test
    void aRejectedClaimShowsTheTokensClaimsBesideThePolicy() {
        sandbox.awsStsFaults().failNext(1, "IDPRejectedClaim");
        assertFails(target(SandboxAws.DEFAULT_ROLE_ARN), tokens, FIX_CLOUD_SETUP, "IDPRejectedClaim",
                "iss=" + sandbox.issuerUri(), "aud=fedcred-sandbox", "sub=sandbox-user-0001");
    }

    @Test
    void aDurationAboveTheRolesMaximumSaysSo() {
        assertFails(target(SandboxAws.SHORT_ROLE_ARN, Duration.ofHours(2)), tokens, FIX_TARGET, "ValidationError",
                "asks for 7200 s, more than the role", "MaxSessionDuration");
    }

    @Test
    void aMalformedRoleArnIsRefusedBeforeAnyCall() {
        assertThatThrownBy(() -> assumer.assume(target("arn:aws:iam::12:role/x"), tokens))
                .isInstanceOf(FedcredException.class).hasMessageContaining("is not an IAM role ARN");
    }

    @Test
    void throttlingAndIdpCommunicationErrorsAreRetriedWithBackoff() {
        sandbox.awsStsFaults().failNext(1, "Throttling");
        assertThat(assumer.assume(target(SandboxAws.DEFAULT_ROLE_ARN), tokens).accessKeyId()).startsWith("ASIA");
        sandbox.awsStsFaults().failNext(2, "IDPCommunicationError");
        assertThat(assumer.assume(target(SandboxAws.DEFAULT_ROLE_ARN), tokens).accessKeyId()).startsWith("ASIA");
        assertThat(sandbox.awsStsFaults().remaining()).isZero();
    }

    @Test
    void persistentIdpCommunicationErrorsEndWithTryLater() {
        sandbox.awsStsFaults().failNext(10, "IDPCommunicationError");
        try {
            assertFails(target(SandboxAws.DEFAULT_ROLE_ARN), tokens, TRY_LATER, "IDPCommunicationError", "Try again in a minute");
        } finally {
            sandbox.awsStsFaults().clear();
        }
    }

    @Test
    void persistentThrottlingEndsWithTryLater() {
        sandbox.awsStsFaults().failNext(10, "Throttling");
        try {
            assertFails(target(SandboxAws.DEFAULT_ROLE_ARN), tokens, TRY_LATER, "Throttling", "throttling");
        } finally {
            sandbox.awsStsFaults().clear();
        }
    }

    @Test
    void aNetworkFailureSaysWhereItTried() throws Exception {
        int closedPort;
        try (ServerSocket probe = new ServerSocket(0, 1, InetAddress.getLoopbackAddress())) {
            closedPort = probe.getLocalPort();
        }
        AwsRoleTarget unreachable = new AwsRoleTarget("t", SandboxAws.DEFAULT_ROLE_ARN, "p", null, null, null, "sandbox",
                URI.create("http://127.0.0.1:" + closedPort + "/aws-sts"));
        assertThatThrownBy(() -> assumer.assume(unreachable, tokens))
                .isInstanceOfSatisfying(CredentialsException.class, e -> assertThat(e.remedy()).isEqualTo(CHECK_NETWORK))
                .hasMessageContaining("Cannot reach AWS STS at http://127.0.0.1:" + closedPort)
                .hasMessageContaining("fedcred sandbox");
    }
}
