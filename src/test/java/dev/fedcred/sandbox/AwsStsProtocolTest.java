package dev.fedcred.sandbox;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.time.Duration;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import software.amazon.awssdk.services.sts.StsClient;
import software.amazon.awssdk.services.sts.model.AssumeRoleWithWebIdentityResponse;
import software.amazon.awssdk.services.sts.model.IdpCommunicationErrorException;
import software.amazon.awssdk.services.sts.model.StsException;

/** The wire format seen without an SDK, the endpoint listing, injected faults and the options. */
class AwsStsProtocolTest {

    private static SandboxServer server;
    private static final HttpClient HTTP = HttpClient.newBuilder().connectTimeout(Duration.ofSeconds(5)).build();

    @BeforeAll
    static void start() throws Exception {
        server = SandboxServer.start(SandboxOptions.defaults().withPort(0).withAutoApprove(true));
    }

    @AfterAll
    static void stop() {
        server.close();
    }

    private static HttpResponse<String> post(String url, Map<String, String> form) throws Exception {
        return HTTP.send(HttpRequest.newBuilder(URI.create(url))
                .header("Content-Type", "application/x-www-form-urlencoded; charset=utf-8")
                .POST(HttpRequest.BodyPublishers.ofString(SandboxHttp.form(form))).build(),
                HttpResponse.BodyHandlers.ofString());
    }

    private static Map<String, String> assumeForm(String token) {
        Map<String, String> form = new LinkedHashMap<>();
        form.put("Action", "AssumeRoleWithWebIdentity");
        form.put("Version", "2011-06-15");
        form.put("RoleArn", SandboxAws.DEFAULT_ROLE_ARN);
        form.put("RoleSessionName", "raw");
        form.put("WebIdentityToken", token);
        return form;
    }

    @Test
    void endpointIsListedAfterTheOidcOnes() {
        assertThat(server.endpoints()).containsEntry("aws-sts", server.issuerUri() + "/aws-sts");
        assertThat(List.copyOf(server.endpoints().keySet())).containsSequence("userinfo", "aws-sts", "aws-signin", "gcp-sts");
    }

    @Test
    void successIsQueryProtocolXmlInTheStsNamespace() throws Exception {
        HttpResponse<String> response = post(server.endpoints().get("aws-sts"), assumeForm(StsTestSupport.sandboxIdToken(server)));

        assertThat(response.statusCode()).isEqualTo(200);
        assertThat(response.headers().firstValue("Content-Type")).hasValue("text/xml");
        assertThat(response.headers().firstValue("x-amzn-RequestId")).isPresent();
        assertThat(response.body())
                .startsWith("<AssumeRoleWithWebIdentityResponse xmlns=\"https://sts.amazonaws.com/doc/2011-06-15/\">")
                .contains("<AssumeRoleWithWebIdentityResult>", "<SubjectFromWebIdentityToken>sandbox-user-0001<",
                        "<AssumedRoleUser>", "<Credentials>", "<AccessKeyId>ASIA", "<Provider>127.0.0.1:",
                        "<ResponseMetadata>", "<RequestId>" + response.headers().firstValue("x-amzn-RequestId").get());
        assertThat(response.body()).containsPattern("<Expiration>\\d{4}-\\d\\d-\\d\\dT\\d\\d:\\d\\d:\\d\\dZ</Expiration>");
    }

    @Test
    void getWithQueryParametersAndTrailingSlashAreAccepted() throws Exception {
        String query = SandboxHttp.form(assumeForm(StsTestSupport.sandboxIdToken(server)));
        HttpResponse<String> response = HTTP.send(HttpRequest.newBuilder(
                URI.create(server.endpoints().get("aws-sts") + "/?" + query)).GET().build(),
                HttpResponse.BodyHandlers.ofString());
        assertThat(response.statusCode()).isEqualTo(200);
        assertThat(response.body()).contains("<AccessKeyId>ASIA");
    }

    @Test
    void errorsAreErrorResponseDocuments() throws Exception {
        Map<String, String> form = new LinkedHashMap<>();
        form.put("Action", "GetFederationToken");
        form.put("Version", "2011-06-15");
        HttpResponse<String> response = post(server.endpoints().get("aws-sts"), form);

        assertThat(response.statusCode()).isEqualTo(400);
        assertThat(response.headers().firstValue("Content-Type")).hasValue("text/xml");
        assertThat(response.body())
                .startsWith("<ErrorResponse xmlns=\"https://sts.amazonaws.com/doc/2011-06-15/\">")
                .contains("<Error>\n<Type>Sender</Type>\n<Code>InvalidAction</Code>\n"
                        + "<Message>Could not find operation GetFederationToken for version 2011-06-15</Message>\n</Error>")
                .containsPattern("<RequestId>[0-9a-f-]{36}</RequestId>\n</ErrorResponse>");

        form.put("Version", "2010-01-01");
        assertThat(post(server.endpoints().get("aws-sts"), form).body()).contains("<Code>InvalidAction</Code>");
        assertThat(post(server.endpoints().get("aws-sts"), Map.of("Version", "2011-06-15")).body())
                .contains("<Code>MissingAction</Code>");
    }

    @Test
    void queryRequestsToTheRootAreStsBecauseTheJavaSdkDropsTheEndpointPath() throws Exception {
        // aws/aws-sdk-java-v2#3387: StsClient with endpointOverride ".../aws-sts" posts to "/".
        HttpResponse<String> atRoot = post(server.issuerUri() + "/", assumeForm(StsTestSupport.sandboxIdToken(server)));
        assertThat(atRoot.statusCode()).isEqualTo(200);
        assertThat(atRoot.body()).contains("<AccessKeyId>ASIA");

        HttpResponse<String> plainGet = HTTP.send(HttpRequest.newBuilder(URI.create(server.issuerUri() + "/")).GET().build(),
                HttpResponse.BodyHandlers.ofString());
        assertThat(plainGet.statusCode()).isEqualTo(404);
    }

    @Test
    void otherPathsUnderTheContextAreNotFound() throws Exception {
        HttpResponse<String> response = post(server.issuerUri() + "/aws-sts-other", assumeForm("x"));
        assertThat(response.statusCode()).isEqualTo(404);
    }

    @Test
    void injectedThrottlingReachesAClientThatDoesNotRetry() throws Exception {
        String token = StsTestSupport.sandboxIdToken(server);
        try (StsClient sts = StsTestSupport.anonymousStsWithoutRetries(server)) {
            server.awsStsFaults().failNext(1, "Throttling");
            assertThatThrownBy(() -> sts.assumeRoleWithWebIdentity(StsTestSupport.assume(SandboxAws.DEFAULT_ROLE_ARN, token).build()))
                    .isInstanceOfSatisfying(StsException.class, e -> {
                        assertThat(e.awsErrorDetails().errorCode()).isEqualTo("Throttling");
                        assertThat(e.awsErrorDetails().errorMessage()).isEqualTo("Rate exceeded");
                        assertThat(e.statusCode()).isEqualTo(400);
                        assertThat(e.isThrottlingException()).isTrue();
                    });
            assertThat(server.awsStsFaults().remaining()).isZero();

            server.awsStsFaults().failNext(1, "IDPCommunicationError");
            assertThatThrownBy(() -> sts.assumeRoleWithWebIdentity(StsTestSupport.assume(SandboxAws.DEFAULT_ROLE_ARN, token).build()))
                    .isInstanceOfSatisfying(IdpCommunicationErrorException.class, e -> assertThat(e.statusCode()).isEqualTo(400));

            // Faults used up: the same token now works.
            assertThat(sts.assumeRoleWithWebIdentity(StsTestSupport.assume(SandboxAws.DEFAULT_ROLE_ARN, token).build())
                    .credentials().accessKeyId()).startsWith("ASIA");
        }
    }

    @Test
    void theSdksDefaultRetriesRideOutOneThrottlingFault() throws Exception {
        String token = StsTestSupport.sandboxIdToken(server);
        try (StsClient sts = StsTestSupport.anonymousSts(server)) {
            server.awsStsFaults().failNext(1, "Throttling");
            AssumeRoleWithWebIdentityResponse response = sts.assumeRoleWithWebIdentity(
                    StsTestSupport.assume(SandboxAws.DEFAULT_ROLE_ARN, token).build());
            assertThat(response.credentials().accessKeyId()).startsWith("ASIA");
            assertThat(server.awsStsFaults().remaining()).isZero();
        }
    }

    @Test
    void faultCodesMustBePlainWords() {
        assertThatThrownBy(() -> server.awsStsFaults().failNext(1, "<evil/>")).isInstanceOf(IllegalArgumentException.class);
        assertThatThrownBy(() -> server.awsStsFaults().failNext(-1, "Throttling")).isInstanceOf(IllegalArgumentException.class);
    }

    @Test
    void optionsKeepAwsRolesAndLoopbackProvidersOnly() {
        SandboxOptions options = SandboxOptions.defaults()
                .withAwsOidcProvider("http://127.0.0.1:9999", List.of("a"))
                .withAwsOidcProvider("http://localhost:9998/tenant", List.of("b", "c"));
        assertThat(options.awsOidcProviders()).containsOnlyKeys("http://127.0.0.1:9999", "http://localhost:9998/tenant");
        assertThat(options.withPort(0).awsOidcProviders()).isEqualTo(options.awsOidcProviders());
        assertThat(SandboxOptions.defaults().awsRoles()).isEmpty();

        assertThatThrownBy(() -> SandboxOptions.defaults().withAwsOidcProvider("https://accounts.google.com", List.of("x")))
                .isInstanceOf(IllegalArgumentException.class);
        assertThatThrownBy(() -> SandboxOptions.defaults().withAwsOidcProvider("http://127.0.0.1:1", List.of()))
                .isInstanceOf(IllegalArgumentException.class);
        assertThatThrownBy(() -> new AwsRole("arn:aws:iam::0:role/x", "http://127.0.0.1:1", "a", null, Duration.ofHours(1)))
                .isInstanceOf(IllegalArgumentException.class);
        assertThatThrownBy(() -> new AwsRole(SandboxAws.DEFAULT_ROLE_ARN, "http://127.0.0.1:1", "a", null, Duration.ofHours(13)))
                .isInstanceOf(IllegalArgumentException.class);

        assertThat(SandboxAws.defaultRoles("http://127.0.0.1:9750")).extracting(AwsRole::arn).containsExactly(
                "arn:aws:iam::000000000000:role/fedcred-sandbox",
                "arn:aws:iam::000000000000:role/fedcred-sandbox-short",
                "arn:aws:iam::000000000000:role/fedcred-sandbox-other-user");
    }
}
