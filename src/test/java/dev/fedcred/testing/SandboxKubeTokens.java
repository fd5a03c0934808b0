package dev.fedcred.testing;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import dev.fedcred.sandbox.SandboxAws;
import dev.fedcred.sandbox.SandboxGcp;
import dev.fedcred.sandbox.SandboxServer;
import java.net.URI;
import java.net.URLEncoder;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.time.Clock;
import java.time.Duration;
import java.util.Base64;
import java.util.LinkedHashMap;
import java.util.Map;
import java.util.stream.Collectors;
import software.amazon.awssdk.auth.credentials.AnonymousCredentialsProvider;
import software.amazon.awssdk.http.SdkHttpMethod;
import software.amazon.awssdk.http.SdkHttpRequest;
import software.amazon.awssdk.http.auth.aws.signer.AwsV4HttpSigner;
import software.amazon.awssdk.http.auth.spi.signer.HttpSigner;
import software.amazon.awssdk.http.urlconnection.UrlConnectionHttpClient;
import software.amazon.awssdk.identity.spi.AwsSessionCredentialsIdentity;
import software.amazon.awssdk.regions.Region;
import software.amazon.awssdk.services.sts.StsClient;
import software.amazon.awssdk.services.sts.model.Credentials;

/**
 * Bearer tokens for the sandbox's Kubernetes API server, each made the way its real source makes
 * it: an EKS token by the real AWS SDK's SigV4 presigner (query-string signing, the
 * {@code x-k8s-aws-id} header signed in) from a session the sandbox STS issued through
 * AssumeRoleWithWebIdentity; a GKE token from the GCP emulator's STS and IAM Credentials; an
 * ID token from the sandbox issuer's sign-in. Also the SelfSubjectReview request kubectl's
 * {@code auth whoami} makes, over HTTPS trusting only the sandbox's CA.
 */
public final class SandboxKubeTokens {

    public static final String EKS_PREFIX = "k8s-aws-v1.";
    /** The session name the EKS tokens' role sessions get. */
    public static final String SESSION_NAME = "fedcred-kube-test";
    private static final ObjectMapper JSON = new ObjectMapper();

    private SandboxKubeTokens() {
    }

    /** The sandbox user's ID token, from a sign-in against an auto-approving sandbox. */
    public static String idToken(SandboxServer sandbox) {
        return SandboxSignIn.signIn(sandbox).rawIdToken();
    }

    /** A session of the sandbox's default role, from the sandbox STS's AssumeRoleWithWebIdentity (real SDK). */
    public static Credentials awsSession(SandboxServer sandbox) {
        try (StsClient sts = StsClient.builder()
                .endpointOverride(URI.create(sandbox.endpoints().get("aws-sts")))
                .region(Region.US_EAST_1)
                .credentialsProvider(AnonymousCredentialsProvider.create())
                .httpClientBuilder(UrlConnectionHttpClient.builder())
                .build()) {
            return sts.assumeRoleWithWebIdentity(r -> r.roleArn(SandboxAws.DEFAULT_ROLE_ARN)
                    .roleSessionName(SESSION_NAME).webIdentityToken(idToken(sandbox))).credentials();
        }
    }

    /**
     * {@code aws eks get-token}'s token: the presigned GetCallerIdentity URL (X-Amz-Expires 60, as the
     * CLI and aws-iam-authenticator sign it) for {@code stsUrl}, signed at {@code signingClock}'s time.
     */
    public static String eksToken(String stsUrl, Credentials session, String clusterName, Clock signingClock) {
        URI sts = URI.create(stsUrl);
        SdkHttpRequest request = SdkHttpRequest.builder()
                .method(SdkHttpMethod.GET)
                .protocol(sts.getScheme())
                .host(sts.getHost())
                .port(sts.getPort())
                .encodedPath(sts.getRawPath())
                .putRawQueryParameter("Action", "GetCallerIdentity")
                .putRawQueryParameter("Version", "2011-06-15")
                .putHeader("x-k8s-aws-id", clusterName)
                .build();
        SdkHttpRequest presigned = AwsV4HttpSigner.create().sign(r -> r
                .identity(AwsSessionCredentialsIdentity.create(session.accessKeyId(), session.secretAccessKey(),
                        session.sessionToken()))
                .request(request)
                .putProperty(AwsV4HttpSigner.SERVICE_SIGNING_NAME, "sts")
                .putProperty(AwsV4HttpSigner.REGION_NAME, "us-east-1")
                .putProperty(AwsV4HttpSigner.AUTH_LOCATION, AwsV4HttpSigner.AuthLocation.QUERY_STRING)
                .putProperty(AwsV4HttpSigner.EXPIRATION_DURATION, Duration.ofSeconds(60))
                .putProperty(HttpSigner.SIGNING_CLOCK, signingClock)).request();
        return eksToken(presigned.getUri().toString());
    }

    public static String eksToken(String presignedUrl) {
        return EKS_PREFIX + Base64.getUrlEncoder().withoutPadding()
                .encodeToString(presignedUrl.getBytes(StandardCharsets.UTF_8));
    }

    /** The presigned URL inside an EKS token. */
    public static URI presignedUrl(String eksToken) {
        if (!eksToken.startsWith(EKS_PREFIX)) {
            throw new AssertionError("not an EKS token: it lacks the " + EKS_PREFIX + " prefix");
        }
        return URI.create(new String(Base64.getUrlDecoder().decode(eksToken.substring(EKS_PREFIX.length())),
                StandardCharsets.UTF_8));
    }

    /** A federated access token from the GCP emulator's STS (no impersonation). */
    public static String gcpFederatedToken(SandboxServer sandbox) throws Exception {
        Map<String, String> form = new LinkedHashMap<>();
        form.put("grant_type", "urn:ietf:params:oauth:grant-type:token-exchange");
        form.put("audience", SandboxGcp.PROVIDER_AUDIENCE);
        form.put("scope", "https://www.googleapis.com/auth/cloud-platform");
        form.put("requested_token_type", "urn:ietf:params:oauth:token-type:access_token");
        form.put("subject_token_type", "urn:ietf:params:oauth:token-type:id_token");
        form.put("subject_token", idToken(sandbox));
        String body = form.entrySet().stream()
                .map(e -> e.getKey() + "=" + URLEncoder.encode(e.getValue(), StandardCharsets.UTF_8))
                .collect(Collectors.joining("&"));
        HttpResponse<String> response = https(sandbox).send(HttpRequest.newBuilder(URI.create(sandbox.endpoints().get("gcp-sts")))
                .header("Content-Type", "application/x-www-form-urlencoded")
                .POST(HttpRequest.BodyPublishers.ofString(body)).build(), HttpResponse.BodyHandlers.ofString());
        return field(response, "access_token");
    }

    /** The sandbox service account's access token, impersonated with a federated token (what GKE users hold). */
    public static String gcpServiceAccountToken(SandboxServer sandbox) throws Exception {
        String url = sandbox.endpoints().get("gcp-iamcredentials") + "projects/-/serviceAccounts/"
                + SandboxGcp.SERVICE_ACCOUNT + ":generateAccessToken";
        HttpResponse<String> response = https(sandbox).send(HttpRequest.newBuilder(URI.create(url))
                .header("Content-Type", "application/json")
                .header("Authorization", "Bearer " + gcpFederatedToken(sandbox))
                .POST(HttpRequest.BodyPublishers.ofString("{\"scope\":[\"https://www.googleapis.com/auth/cloud-platform\"]}"))
                .build(), HttpResponse.BodyHandlers.ofString());
        return field(response, "accessToken");
    }

    /** POST a SelfSubjectReview, as {@code kubectl auth whoami} does (in JSON), with {@code token} as bearer. */
    public static HttpResponse<String> whoami(SandboxServer sandbox, String token) throws Exception {
        HttpRequest.Builder request = HttpRequest.newBuilder(URI.create(sandbox.endpoints().get("kubernetes")
                        + "/apis/authentication.k8s.io/v1/selfsubjectreviews"))
                .header("Content-Type", "application/json")
                .POST(HttpRequest.BodyPublishers.ofString(
                        "{\"kind\":\"SelfSubjectReview\",\"apiVersion\":\"authentication.k8s.io/v1\",\"metadata\":{}}"));
        if (token != null) {
            request.header("Authorization", "Bearer " + token);
        }
        return https(sandbox).send(request.build(), HttpResponse.BodyHandlers.ofString());
    }

    /** The user name a SelfSubjectReview answered, failing unless it was 201. */
    public static JsonNode userInfo(HttpResponse<String> review) throws Exception {
        if (review.statusCode() != 201) {
            throw new AssertionError("SelfSubjectReview answered " + review.statusCode() + ": " + review.body());
        }
        return JSON.readTree(review.body()).path("status").path("userInfo");
    }

    public static HttpClient https(SandboxServer sandbox) throws Exception {
        return SandboxCaTrust.httpClient(sandbox.gcpCaFile());
    }

    private static String field(HttpResponse<String> response, String name) throws Exception {
        if (response.statusCode() != 200) {
            throw new AssertionError("the GCP emulator answered " + response.statusCode() + ": " + response.body());
        }
        return JSON.readTree(response.body()).path(name).asText();
    }
}
