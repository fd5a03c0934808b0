package dev.fedcred.sandbox;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.net.Socket;
import java.net.URI;
import java.nio.charset.StandardCharsets;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.time.Duration;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;
import software.amazon.awssdk.services.sts.StsClient;
import software.amazon.awssdk.services.sts.model.StsException;

/** The STS emulator deciding AssumeRoleWithWebIdentity by a role's trust policy document, with the real SDK. */
class AwsStsTrustPolicyTest {
    private static final String NEW_ROLE = "arn:aws:iam::123456789012:role/team/deploy";
    private SandboxServer server;

    @AfterEach
    void stop() {
        if (server != null) {
            server.close();
        }
    }

    private SandboxServer start(SandboxOptions options) throws Exception {
        server = SandboxServer.start(options.withPort(0).withAutoApprove(true));
        return server;
    }

    private String provider() {
        return LoopbackUrls.providerName(server.issuerUri().toString());
    }

    private static String webIdentity(String effect, String principal, String condition) {
        return "{\"Effect\":\"" + effect + "\",\"Principal\":" + principal + ",\"Action\":[\"sts:AssumeRole\",\"sts:AssumeRoleWith*\"]"
                + (condition == null ? "" : ",\"Condition\":" + condition) + "}";
    }

    private static String webIdentity(String effect, String principal) {
        return webIdentity(effect, principal, null);
    }

    private static String policy(String... statements) {
        return "{\"Version\":\"2012-10-17\",\"Statement\":[" + String.join(",", statements) + "]}";
    }

    private HttpResponse<String> put(String roleName, String document) throws Exception {
        HttpRequest.Builder request = HttpRequest.newBuilder(URI.create(server.issuerUri() + "/aws-admin/roles/" + roleName + "/trust-policy"))
                .PUT(HttpRequest.BodyPublishers.ofString(document)).timeout(Duration.ofSeconds(10));
        return HttpClient.newBuilder().build().send(request.build(), HttpResponse.BodyHandlers.ofString());
    }

    private boolean assumes(String roleArn) throws Exception {
        try (StsClient sts = StsTestSupport.anonymousStsWithoutRetries(server)) {
            String token = StsTestSupport.sandboxIdToken(server);
            return sts.assumeRoleWithWebIdentity(StsTestSupport.assume(roleArn, token).build())
                    .assumedRoleUser().arn().contains(AwsArns.roleName(roleArn));
        } catch (StsException e) {
            assertThat(e.awsErrorDetails().errorCode()).isEqualTo("AccessDenied");
            assertThat(e.statusCode()).isEqualTo(403);
            assertThat(e.awsErrorDetails().errorMessage()).isEqualTo("Not authorized to perform sts:AssumeRoleWithWebIdentity");
            return false;
        }
    }

    @Test
    void aPolicyGivenAtStartAddsTheRoleAndDecidesForIt() throws Exception {
        start(SandboxOptions.defaults().withAwsTrustPolicy(NEW_ROLE, policy(webIdentity("Allow", "\"*\""))));
        assertThat(assumes(NEW_ROLE)).isTrue();
        assertThat(assumes(SandboxAws.DEFAULT_ROLE_ARN)).as("roles without a policy keep their conditions").isTrue();
        assertThat(assumes(SandboxAws.OTHER_USER_ROLE_ARN)).isFalse();
    }

    @Test
    void theAdminCallAppliesAPolicyAndEachConditionCounts() throws Exception {
        start(SandboxOptions.defaults());
        String principal = "{\"Federated\":\"arn:aws:iam::000000000000:oidc-provider/" + provider() + "\"}";
        String aud = "\"" + provider() + ":aud\":\"" + SandboxClient.CLIENT_ID + "\"";
        String sub = "\"" + provider() + ":sub\":\"" + SandboxUser.SUBJECT + "\"";

        assertThat(put("fedcred-sandbox", policy(webIdentity("Allow", principal, "{\"StringEquals\":{" + aud + "," + sub + "}}")))
                .statusCode()).isEqualTo(200);
        assertThat(assumes(SandboxAws.DEFAULT_ROLE_ARN)).isTrue();

        put("fedcred-sandbox", policy(webIdentity("Allow", principal, "{\"StringEquals\":{" + aud.replace(SandboxClient.CLIENT_ID, "other") + "}}")));
        assertThat(assumes(SandboxAws.DEFAULT_ROLE_ARN)).as("aud").isFalse();
        put("fedcred-sandbox", policy(webIdentity("Allow", principal, "{\"StringLike\":{\"" + provider() + ":SUB\":\"nobody*\"}}")));
        assertThat(assumes(SandboxAws.DEFAULT_ROLE_ARN)).as("sub, key case-insensitive").isFalse();
        put("fedcred-sandbox", policy(webIdentity("Allow", principal.replace("000000000000", "111111111111"))));
        assertThat(assumes(SandboxAws.DEFAULT_ROLE_ARN)).as("provider of another account").isFalse();
        put("fedcred-sandbox", policy(webIdentity("Allow", "{\"Federated\":\"accounts.google.com\"}")));
        assertThat(assumes(SandboxAws.DEFAULT_ROLE_ARN)).as("Google's principal").isFalse();
        put("fedcred-sandbox", policy(webIdentity("Allow", principal, "{\"StringLike\":{\"" + provider() + ":sub\":\"*\"}}"),
                webIdentity("Deny", "\"*\"", "{\"ForAnyValue:StringEquals\":{\"" + provider() + ":aud\":[\"x\",\"" + SandboxClient.CLIENT_ID + "\"]}}")));
        assertThat(assumes(SandboxAws.DEFAULT_ROLE_ARN)).as("an explicit Deny wins").isFalse();
        put("fedcred-sandbox", policy(webIdentity("Allow", principal, "{\"StringNotEquals\":{\"" + provider() + ":sub\":\"someone\"},"
                + "\"StringEqualsIfExists\":{\"" + provider() + ":amr\":\"mfa\"}}")));
        assertThat(assumes(SandboxAws.DEFAULT_ROLE_ARN)).as("negation and IfExists on a missing key").isTrue();
    }

    @Test
    void theAdminCallIsForThisMachineAndWellFormedPoliciesOnly() throws Exception {
        start(SandboxOptions.defaults());
        String body = policy(webIdentity("Allow", "\"*\""));
        try (Socket socket = new Socket(server.issuerUri().getHost(), server.issuerUri().getPort())) {
            // as a page on a rebound DNS name would send it: from loopback, naming its own host
            socket.getOutputStream().write(("PUT /aws-admin/roles/fedcred-sandbox-other-user/trust-policy HTTP/1.1\r\n"
                    + "Host: attacker.example\r\nContent-Length: " + body.length() + "\r\nConnection: close\r\n\r\n" + body)
                    .getBytes(StandardCharsets.UTF_8));
            assertThat(new String(socket.getInputStream().readAllBytes(), StandardCharsets.UTF_8)).startsWith("HTTP/1.1 403");
        }
        assertThat(assumes(SandboxAws.OTHER_USER_ROLE_ARN)).isFalse();

        HttpResponse<String> malformed = put("fedcred-sandbox", "{\"Statement\":");
        assertThat(malformed.statusCode()).isEqualTo(400);
        assertThat(malformed.body()).contains("MalformedPolicyDocument");
        HttpResponse<String> created = put("brand-new", policy(webIdentity("Allow", "\"*\"")));
        assertThat(created.body()).contains("arn:aws:iam::000000000000:role/brand-new");
        assertThat(assumes("arn:aws:iam::000000000000:role/brand-new")).isTrue();
        assertThatThrownBy(() -> SandboxOptions.defaults().withAwsTrustPolicy(NEW_ROLE, "[]"))
                .isInstanceOf(IllegalArgumentException.class).hasMessageContaining("Statement");
    }
}
