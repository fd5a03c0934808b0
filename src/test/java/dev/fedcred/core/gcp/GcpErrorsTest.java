package dev.fedcred.core.gcp;

import dev.fedcred.core.CredentialsException;
import static dev.fedcred.core.CredentialsException.Remedy.*;
import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import com.google.api.client.http.HttpHeaders;
import com.google.api.client.http.HttpResponseException;
import dev.fedcred.core.oidc.TokenSet;
import java.io.IOException;
import java.net.ConnectException;
import java.net.URI;
import java.time.Duration;
import java.util.List;
import javax.net.ssl.SSLHandshakeException;
import org.junit.jupiter.api.Test;

/**
 * The mapping from what Google's auth library throws to actionable messages, with exceptions
 * shaped as the library shapes them (an HttpResponseException in the cause chain); the same
 * failures through the real library against the sandbox are in the integration tests.
 */
class GcpErrorsTest {
    private static final String SA = "ci@fake-project.iam.gserviceaccount.com";
    private static final TokenSet TOKENS = GcpTestTargets.tokens("1234567890");

    private static HttpResponseException response(int status, String json) {
        return new HttpResponseException.Builder(status, "status", new HttpHeaders()).setContent(json).build();
    }

    /** STS failures: the library's OAuthException wraps the response. */
    private static IOException fromSts(int status, String json) {
        return new IOException("Error code x", response(status, json));
    }

    /** Impersonation failures: "Error requesting access token" wraps the response. */
    private static IOException fromIam(int status, String json) {
        return new IOException("Error requesting access token", response(status, json));
    }

    private static CredentialsException translate(Exception e, GcpWorkloadTarget target) {
        CredentialsException translated = GcpErrors.translate(e, target, TOKENS, java.time.Duration.ofSeconds(12));
        assertThat(translated.getMessage()).doesNotContain(GcpTestTargets.FAKE_ID_TOKEN);
        return translated;
    }

    @Test
    void invalidGrantShowsTheTokensAudienceBesideTheProvidersAndTheFix() {
        CredentialsException e = translate(fromSts(400, "{\"error\":\"invalid_grant\",\"error_description\":"
                + "\"The audience in ID Token [123-fake.apps.googleusercontent.com] does not match the expected audience.\"}"),
                GcpTestTargets.target(SA));
        assertThat(e.remedy()).isEqualTo(FIX_CLOUD_SETUP);
        assertThat(e.errorCode()).isEqualTo("invalid_grant");
        assertThat(e.getMessage())
                .contains("aud=123-fake.apps.googleusercontent.com")
                .contains("iss=https://accounts.google.com")
                .contains("aud=https://iam.googleapis.com/projects/123456789012/locations/global/workloadIdentityPools/fake-pool/providers/fake-provider")
                .contains("Google ID tokens carry the OAuth client ID")
                .contains("--allowed-audiences=123-fake.apps.googleusercontent.com")
                .contains("does not match the expected audience");
    }

    @Test
    void anExpiredTokenNeedsASignIn() {
        CredentialsException e = translate(fromSts(400,
                "{\"error\":\"invalid_grant\",\"error_description\":\"ID Token has expired.\"}"), GcpTestTargets.target(SA));
        assertThat(e.remedy()).isEqualTo(SIGN_IN_AGAIN);
        assertThat(e.getMessage()).contains("fedcred login --issuer google");
    }

    @Test
    void anUnknownProviderPointsAtTheTargetsNames() {
        CredentialsException e = translate(fromSts(400, "{\"error\":\"invalid_target\",\"error_description\":"
                + "\"The target service indicated by the audience parameters is invalid.\"}"), GcpTestTargets.target(SA));
        assertThat(e.remedy()).isEqualTo(FIX_TARGET);
        assertThat(e.getMessage()).contains("project number, pool and provider");
    }

    @Test
    void anAttributeConditionRefusalShowsTheClaims() {
        CredentialsException e = translate(fromSts(400, "{\"error\":\"unauthorized_client\",\"error_description\":"
                + "\"The given credential is rejected by the attribute condition.\"}"), GcpTestTargets.target(SA));
        assertThat(e.remedy()).isEqualTo(FIX_CLOUD_SETUP);
        assertThat(e.getMessage()).contains("attribute condition").contains("sub=1234567890");
    }

    @Test
    void permissionDeniedPrintsTheMissingBinding() {
        CredentialsException e = translate(fromIam(403, "{\"error\":{\"code\":403,\"message\":\"Permission"
                + " 'iam.serviceAccounts.getAccessToken' denied on resource (or it may not exist).\","
                + "\"status\":\"PERMISSION_DENIED\"}}"), GcpTestTargets.target(SA));
        assertThat(e.remedy()).isEqualTo(GRANT_ACCESS);
        assertThat(e.errorCode()).isEqualTo("PERMISSION_DENIED");
        assertThat(e.getMessage()).contains("gcloud iam service-accounts add-iam-policy-binding " + SA
                + " --role roles/iam.workloadIdentityUser --member principal://iam.googleapis.com/projects/123456789012"
                + "/locations/global/workloadIdentityPools/fake-pool/subject/1234567890");
    }

    @Test
    void aDisabledApiSaysToEnableIt() {
        CredentialsException e = translate(fromIam(403, "{\"error\":{\"code\":403,\"message\":\"IAM Service Account"
                + " Credentials API has not been used in project 123456789012 before or it is disabled.\","
                + "\"status\":\"PERMISSION_DENIED\"}}"), GcpTestTargets.target(SA));
        assertThat(e.remedy()).isEqualTo(FIX_TARGET);
        assertThat(e.getMessage()).contains("gcloud services enable iamcredentials.googleapis.com");
    }

    @Test
    void aMissingServiceAccountAndALongLifetime() {
        assertThat(translate(fromIam(404, "{\"error\":{\"code\":404,\"message\":\"Not found\",\"status\":\"NOT_FOUND\"}}"),
                GcpTestTargets.target(SA)).getMessage()).contains("does not exist").contains(SA);
        GcpWorkloadTarget longLived = new GcpWorkloadTarget("t", "1", "fake-pool", "fake-provider", SA, List.of(),
                Duration.ofHours(8), null, null, null, null, null);
        assertThat(translate(fromIam(400, "{\"error\":{\"code\":400,\"message\":\"Lifetime\",\"status\":\"INVALID_ARGUMENT\"}}"),
                longLived).getMessage()).contains("constraints/iam.allowServiceAccountCredentialLifetimeExtension");
    }

    @Test
    void serverErrorsAreForLater() {
        assertThat(translate(fromSts(503, "{\"error\":\"temporarily_unavailable\"}"), GcpTestTargets.target(SA)).remedy())
                .isEqualTo(TRY_LATER);
        assertThat(translate(fromIam(500, "{\"error\":{\"code\":500,\"status\":\"INTERNAL\"}}"), GcpTestTargets.target(SA))
                .remedy()).isEqualTo(TRY_LATER);
    }

    @Test
    void networkFailuresNameTheEndpointAndTheSandboxsCa() {
        GcpWorkloadTarget sandbox = GcpTestTargets.withStsEndpoint(GcpTestTargets.target(SA),
                URI.create("https://127.0.0.1:9751/v1/token"), URI.create("https://127.0.0.1:9751/v1/"));
        CredentialsException refused = translate(new ConnectException("Connection refused"), sandbox);
        assertThat(refused.remedy()).isEqualTo(CHECK_NETWORK);
        assertThat(refused.getMessage()).contains("https://127.0.0.1:9751/v1/token").contains("fedcred sandbox");
        CredentialsException tls = translate(new IOException("wrapped", new SSLHandshakeException("PKIX path building failed")),
                GcpTestTargets.target(SA));
        assertThat(tls.getMessage()).contains("not trusted").contains("SSLHandshakeException");
    }

    @Test
    void aSubjectOver127BytesIsRefusedBeforeAnyCall() {
        TokenSet longSub = GcpTestTargets.tokens("x".repeat(128));
        assertThatThrownBy(() -> WorkloadIdentityExchanger.requireShortSubject(GcpTestTargets.target(SA), longSub))
                .isInstanceOfSatisfying(CredentialsException.class, e -> assertThat(e.remedy()).isEqualTo(FIX_CLOUD_SETUP))
                .hasMessageContaining("128 bytes").hasMessageContaining("at most 127");
        WorkloadIdentityExchanger.requireShortSubject(GcpTestTargets.target(SA), GcpTestTargets.tokens("x".repeat(127)));
    }
}
