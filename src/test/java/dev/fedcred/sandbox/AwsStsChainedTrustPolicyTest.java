package dev.fedcred.sandbox;

import static org.assertj.core.api.Assertions.assertThat;

import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.time.Duration;
import java.util.function.UnaryOperator;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import software.amazon.awssdk.services.sts.StsClient;
import software.amazon.awssdk.services.sts.model.AssumeRoleRequest;
import software.amazon.awssdk.services.sts.model.Credentials;
import software.amazon.awssdk.services.sts.model.StsException;
import software.amazon.awssdk.services.sts.model.Tag;

/**
 * Role chaining decided by the target role's trust policy document, with the real SDK signing
 * AssumeRole with a session of the source role (arn:aws:iam::000000000000:role/fedcred-sandbox,
 * session fedcred-test): Principal AWS, Action sts:AssumeRole (and sts:TagSession for tags), and
 * conditions on sts:ExternalId and aws:PrincipalArn. Roles without a document keep the trust table.
 */
class AwsStsChainedTrustPolicyTest {
    private static final String SOURCE_SESSION = "arn:aws:sts::000000000000:assumed-role/fedcred-sandbox/fedcred-test";
    private static final String NEW_ROLE = "arn:aws:iam::000000000000:role/team/chained-deploy";

    private SandboxServer server;
    private Credentials source;

    @BeforeEach
    void start() throws Exception {
        startWith(SandboxOptions.defaults());
    }

    private void startWith(SandboxOptions options) throws Exception {
        if (server != null) {
            server.close();
        }
        server = SandboxServer.start(options.withPort(0).withAutoApprove(true));
        try (StsClient sts = StsTestSupport.anonymousStsWithoutRetries(server)) {
            source = sts.assumeRoleWithWebIdentity(StsTestSupport.assume(SandboxAws.DEFAULT_ROLE_ARN,
                    StsTestSupport.sandboxIdToken(server)).build()).credentials();
        }
    }

    @AfterEach
    void stop() {
        server.close();
    }

    private static String statement(String effect, String principal, String action, String condition) {
        return "{\"Effect\":\"" + effect + "\",\"Principal\":" + principal + ",\"Action\":" + action
                + (condition == null ? "" : ",\"Condition\":" + condition) + "}";
    }

    private static String allow(String principal, String condition) {
        return statement("Allow", principal, "\"sts:AssumeRole\"", condition);
    }

    private static String policy(String... statements) {
        return "{\"Version\":\"2012-10-17\",\"Statement\":[" + String.join(",", statements) + "]}";
    }

    private void put(String roleName, String document) throws Exception {
        HttpResponse<String> put = HttpClient.newHttpClient().send(HttpRequest.newBuilder(
                        URI.create(server.issuerUri() + "/aws-admin/roles/" + roleName + "/trust-policy"))
                .PUT(HttpRequest.BodyPublishers.ofString(document)).timeout(Duration.ofSeconds(10)).build(),
                HttpResponse.BodyHandlers.ofString());
        assertThat(put.statusCode()).as(put.body()).isEqualTo(200);
    }

    /** Whether the source session may assume {@code roleArn}; a refusal must be STS's AccessDenied for it. */
    private boolean chains(String roleArn, UnaryOperator<AssumeRoleRequest.Builder> extra) {
        try (StsClient client = StsTestSupport.signedSts(server, source)) {
            return client.assumeRole(extra.apply(AssumeRoleRequest.builder().roleArn(roleArn).roleSessionName("chained-test")).build())
                    .assumedRoleUser().arn().endsWith("/" + AwsArns.roleName(roleArn) + "/chained-test");
        } catch (StsException e) {
            assertThat(e.awsErrorDetails().errorCode()).isEqualTo("AccessDenied");
            assertThat(e.statusCode()).isEqualTo(403);
            assertThat(e.awsErrorDetails().errorMessage()).isEqualTo("User: " + SOURCE_SESSION
                    + " is not authorized to perform: sts:AssumeRole on resource: " + roleArn);
            return false;
        }
    }

    private boolean chains(String roleArn) {
        return chains(roleArn, request -> request);
    }

    @Test
    void aRoleWithAPolicyIsDecidedByItAndNotByTheTable() throws Exception {
        assertThat(chains(NEW_ROLE)).as("no policy, not in the table").isFalse();
        put("team/chained-deploy", policy(allow("{\"AWS\":\"" + SandboxAws.DEFAULT_ROLE_ARN + "\"}", null)));
        assertThat(chains(NEW_ROLE)).isTrue();

        assertThat(chains(SandboxAws.CHAINED_ROLE_ARN)).as("the table's default").isTrue();
        put("fedcred-sandbox-chained", policy(allow("{\"AWS\":\"arn:aws:iam::000000000000:role/someone-else\"}", null)));
        assertThat(chains(SandboxAws.CHAINED_ROLE_ARN)).as("its policy names another role").isFalse();
        assertThat(chains(SandboxAws.CHAINED_EXTERNAL_ROLE_ARN, r -> r.externalId(SandboxAws.CHAINED_EXTERNAL_ID)))
                .as("roles without a policy keep the table").isTrue();
    }

    @Test
    void thePrincipalMayNameTheRoleTheSessionTheAccountOrAnyone() throws Exception {
        for (String principal : new String[] {"{\"AWS\":\"" + SandboxAws.DEFAULT_ROLE_ARN + "\"}",
                "{\"AWS\":[\"arn:aws:iam::111111111111:root\",\"" + SOURCE_SESSION + "\"]}",
                "{\"AWS\":\"arn:aws:iam::000000000000:root\"}", "{\"AWS\":\"000000000000\"}", "{\"AWS\":\"*\"}", "\"*\""}) {
            put("team/chained-deploy", policy(allow(principal, null)));
            assertThat(chains(NEW_ROLE)).as(principal).isTrue();
        }
        for (String principal : new String[] {"{\"AWS\":\"arn:aws:iam::111111111111:root\"}",
                "{\"AWS\":\"arn:aws:sts::000000000000:assumed-role/fedcred-sandbox/other-session\"}",
                "{\"Federated\":\"" + SandboxAws.DEFAULT_ROLE_ARN + "\"}", "{\"Service\":\"ec2.amazonaws.com\"}"}) {
            put("team/chained-deploy", policy(allow(principal, null)));
            assertThat(chains(NEW_ROLE)).as(principal).isFalse();
        }
    }

    @Test
    void theActionMustBeAssumeRoleAndADenyWins() throws Exception {
        String role = "{\"AWS\":\"" + SandboxAws.DEFAULT_ROLE_ARN + "\"}";
        put("team/chained-deploy", policy(statement("Allow", role, "\"sts:AssumeRoleWithWebIdentity\"", null)));
        assertThat(chains(NEW_ROLE)).isFalse();
        put("team/chained-deploy", policy(statement("Allow", role, "[\"sts:Assume*\"]", null)));
        assertThat(chains(NEW_ROLE)).isTrue();
        put("team/chained-deploy", policy(allow(role, null), statement("Deny", "{\"AWS\":\"*\"}", "\"sts:*\"", null)));
        assertThat(chains(NEW_ROLE)).isFalse();
    }

    @Test
    void sessionTagsNeedStsTagSessionToo() throws Exception {
        String role = "{\"AWS\":\"" + SandboxAws.DEFAULT_ROLE_ARN + "\"}";
        UnaryOperator<AssumeRoleRequest.Builder> tagged = r -> r.tags(Tag.builder().key("team").value("blue").build());
        put("team/chained-deploy", policy(allow(role, null)));
        assertThat(chains(NEW_ROLE)).isTrue();
        assertThat(chains(NEW_ROLE, tagged)).isFalse();
        put("team/chained-deploy", policy(statement("Allow", role, "[\"sts:AssumeRole\",\"sts:TagSession\"]", null)));
        assertThat(chains(NEW_ROLE, tagged)).isTrue();
    }

    @Test
    void theConditionsOnTheExternalIdAndThePrincipalArnCount() throws Exception {
        String account = "{\"AWS\":\"arn:aws:iam::000000000000:root\"}";
        put("team/chained-deploy", policy(allow(account, "{\"StringEquals\":{\"sts:ExternalId\":\"abc-123\"}}")));
        assertThat(chains(NEW_ROLE, r -> r.externalId("abc-123"))).isTrue();
        assertThat(chains(NEW_ROLE, r -> r.externalId("abc-124"))).isFalse();
        assertThat(chains(NEW_ROLE)).isFalse();

        put("team/chained-deploy", policy(allow(account, "{\"StringLike\":{\"STS:externalid\":\"abc-*\"}}")));
        assertThat(chains(NEW_ROLE, r -> r.externalId("abc-999"))).isTrue();

        put("team/chained-deploy", policy(allow(account, "{\"ArnLike\":{\"aws:PrincipalArn\":\"arn:aws:iam::000000000000:role/fedcred-*\"}}")));
        assertThat(chains(NEW_ROLE)).isTrue();
        put("team/chained-deploy", policy(allow(account, "{\"ArnEquals\":{\"aws:PrincipalArn\":\"" + SandboxAws.DEFAULT_ROLE_ARN + "\"}}")));
        assertThat(chains(NEW_ROLE)).isTrue();
        put("team/chained-deploy", policy(allow(account, "{\"StringEquals\":{\"aws:PrincipalArn\":\"arn:aws:iam::000000000000:role/other\"}}")));
        assertThat(chains(NEW_ROLE)).isFalse();
        put("team/chained-deploy", policy(allow(account, "{\"ArnNotLike\":{\"aws:PrincipalArn\":\"arn:aws:iam::*:role/fedcred-*\"}}")));
        assertThat(chains(NEW_ROLE)).isFalse();
        put("team/chained-deploy", policy(allow(account, "{\"StringEquals\":{\"aws:PrincipalAccount\":\"000000000000\"}}")));
        assertThat(chains(NEW_ROLE)).isTrue();
    }

    @Test
    void aPolicyGivenAtStartDecidesForTheChainedRole() throws Exception {
        startWith(SandboxOptions.defaults().withAwsTrustPolicy(SandboxAws.CHAINED_ROLE_ARN,
                policy(allow("{\"AWS\":\"" + SandboxAws.DEFAULT_ROLE_ARN + "\"}", "{\"StringEquals\":{\"sts:ExternalId\":\"from-file\"}}"))));
        assertThat(chains(SandboxAws.CHAINED_ROLE_ARN)).isFalse();
        assertThat(chains(SandboxAws.CHAINED_ROLE_ARN, r -> r.externalId("from-file"))).isTrue();
    }
}
