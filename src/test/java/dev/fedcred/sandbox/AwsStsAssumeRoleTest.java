package dev.fedcred.sandbox;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.util.List;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import software.amazon.awssdk.services.sts.StsClient;
import software.amazon.awssdk.services.sts.model.AssumeRoleRequest;
import software.amazon.awssdk.services.sts.model.AssumeRoleResponse;
import software.amazon.awssdk.services.sts.model.Credentials;
import software.amazon.awssdk.services.sts.model.StsException;

/**
 * Role chaining against the sandbox STS with the real SDK: AssumeRole signed (SigV4) with a
 * session the sandbox issued, allowed only by its trust table, capped at one hour.
 */
class AwsStsAssumeRoleTest {
    private SandboxServer server;
    private Credentials source;

    @BeforeEach
    void startAndAssumeTheSourceRole() throws Exception {
        server = SandboxServer.start(SandboxOptions.defaults().withPort(0).withAutoApprove(true));
        try (StsClient sts = StsTestSupport.anonymousStsWithoutRetries(server)) {
            source = sts.assumeRoleWithWebIdentity(StsTestSupport.assume(SandboxAws.DEFAULT_ROLE_ARN,
                    StsTestSupport.sandboxIdToken(server)).build()).credentials();
        }
    }

    @AfterEach
    void stop() {
        server.close();
    }

    private static AssumeRoleRequest.Builder chain(String roleArn) {
        return AssumeRoleRequest.builder().roleArn(roleArn).roleSessionName("chained-test");
    }

    private static void assertRefused(StsClient client, AssumeRoleRequest request, String code, int status, String message) {
        assertThatThrownBy(() -> client.assumeRole(request)).isInstanceOfSatisfying(StsException.class, e -> {
            assertThat(e.awsErrorDetails().errorCode()).isEqualTo(code);
            assertThat(e.statusCode()).isEqualTo(status);
            assertThat(e.awsErrorDetails().errorMessage()).contains(message);
        });
    }

    @Test
    void aTrustedSourceSessionGetsTheChainedRolesSessionWhichSignsInTurn() {
        AssumeRoleResponse chained;
        try (StsClient client = StsTestSupport.signedSts(server, source)) {
            chained = client.assumeRole(chain(SandboxAws.CHAINED_ROLE_ARN).build());
        }
        assertThat(chained.assumedRoleUser().arn())
                .isEqualTo("arn:aws:sts::000000000000:assumed-role/fedcred-sandbox-chained/chained-test");
        assertThat(chained.credentials().expiration()).isAfter(java.time.Instant.now().plusSeconds(3500));
        try (StsClient client = StsTestSupport.signedSts(server, chained.credentials())) {
            assertThat(client.getCallerIdentity().arn()).isEqualTo(chained.assumedRoleUser().arn());
            // and the next link of the table: the chained role may assume the second one
            assertThat(client.assumeRole(chain(SandboxAws.SECOND_CHAINED_ROLE_ARN).build()).assumedRoleUser().arn())
                    .endsWith(":assumed-role/fedcred-sandbox-chained-second/chained-test");
        }
    }

    @Test
    void aTamperedSignatureIsRefused() {
        String secret = source.secretAccessKey();
        String tampered = (secret.charAt(0) == 'A' ? "B" : "A") + secret.substring(1);
        try (StsClient client = StsTestSupport.signedSts(server, source.accessKeyId(), tampered, source.sessionToken())) {
            assertRefused(client, chain(SandboxAws.CHAINED_ROLE_ARN).build(), "SignatureDoesNotMatch", 403,
                    "The request signature we calculated does not match");
        }
        try (StsClient unsigned = StsTestSupport.anonymousStsWithoutRetries(server)) {
            assertRefused(unsigned, chain(SandboxAws.CHAINED_ROLE_ARN).build(), "MissingAuthenticationToken", 403,
                    "Request is missing Authentication Token");
        }
    }

    @Test
    void theExternalIdMustBeTheOneTheTrustAsksFor() {
        try (StsClient client = StsTestSupport.signedSts(server, source)) {
            assertRefused(client, chain(SandboxAws.CHAINED_EXTERNAL_ROLE_ARN).externalId("wrong-id").build(),
                    "AccessDenied", 403, "User: arn:aws:sts::000000000000:assumed-role/fedcred-sandbox/fedcred-test is"
                            + " not authorized to perform: sts:AssumeRole on resource: " + SandboxAws.CHAINED_EXTERNAL_ROLE_ARN);
            assertRefused(client, chain(SandboxAws.CHAINED_EXTERNAL_ROLE_ARN).build(), "AccessDenied", 403,
                    "not authorized to perform: sts:AssumeRole");
            assertThat(client.assumeRole(chain(SandboxAws.CHAINED_EXTERNAL_ROLE_ARN)
                    .externalId(SandboxAws.CHAINED_EXTERNAL_ID).build()).credentials()).isNotNull();
        }
    }

    @Test
    void aRoleTheTrustTableDoesNotListIsAccessDenied() {
        try (StsClient client = StsTestSupport.signedSts(server, source)) {
            // the second role trusts only the chained role's sessions, not the source's
            assertRefused(client, chain(SandboxAws.SECOND_CHAINED_ROLE_ARN).build(), "AccessDenied", 403,
                    "on resource: " + SandboxAws.SECOND_CHAINED_ROLE_ARN);
        }
    }

    @Test
    void aChainedSessionLastsAtMostOneHour() {
        try (StsClient client = StsTestSupport.signedSts(server, source)) {
            assertRefused(client, chain(SandboxAws.CHAINED_ROLE_ARN).durationSeconds(3601).build(), "ValidationError",
                    400, "exceeds the 1 hour session limit for roles assumed by role chaining");
        }
    }

    @Test
    void theTrustTableComesFromTheOptions() throws Exception {
        String target = "arn:aws:iam::000000000000:role/only-from-short";
        try (SandboxServer custom = SandboxServer.start(SandboxOptions.defaults().withPort(0).withAutoApprove(true)
                .withAwsRoleTrusts(List.of(new AwsRoleTrust(SandboxAws.SHORT_ROLE_ARN, target, null))));
             StsClient anonymous = StsTestSupport.anonymousStsWithoutRetries(custom)) {
            Credentials shortSession = anonymous.assumeRoleWithWebIdentity(StsTestSupport.assume(SandboxAws.SHORT_ROLE_ARN,
                    StsTestSupport.sandboxIdToken(custom)).build()).credentials();
            try (StsClient client = StsTestSupport.signedSts(custom, shortSession)) {
                assertThat(client.assumeRole(chain(target).build()).assumedRoleUser().arn()).contains("only-from-short");
                assertRefused(client, chain(SandboxAws.CHAINED_ROLE_ARN).build(), "AccessDenied", 403, "sts:AssumeRole");
            }
        }
    }
}
