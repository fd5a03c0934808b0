package dev.fedcred.sandbox;

import com.fasterxml.jackson.databind.JsonNode;
import java.net.URI;
import java.net.http.HttpResponse;
import software.amazon.awssdk.auth.credentials.AnonymousCredentialsProvider;
import software.amazon.awssdk.auth.credentials.AwsCredentialsProvider;
import software.amazon.awssdk.auth.credentials.AwsSessionCredentials;
import software.amazon.awssdk.auth.credentials.StaticCredentialsProvider;
import software.amazon.awssdk.awscore.retry.AwsRetryStrategy;
import software.amazon.awssdk.http.urlconnection.UrlConnectionHttpClient;
import software.amazon.awssdk.regions.Region;
import software.amazon.awssdk.services.sts.StsClient;
import software.amazon.awssdk.services.sts.model.AssumeRoleWithWebIdentityRequest;
import software.amazon.awssdk.services.sts.model.Credentials;

/** The real AWS SDK v2 pointed at a sandbox, and an ID token from the sandbox's own sign-in. */
final class StsTestSupport {

    private StsTestSupport() {
    }

    /** A fresh ID token for the sandbox user, from the auto-approved authorization code flow. */
    static String sandboxIdToken(SandboxServer server) throws Exception {
        SandboxHttp http = new SandboxHttp(server);
        SandboxHttp.Attempt attempt = SandboxHttp.Attempt.fresh();
        String code = http.authorizeAndGetCode(attempt);
        HttpResponse<String> response = http.postForm("/token", SandboxHttp.codeRedemption(code, attempt));
        if (response.statusCode() != 200) {
            throw new AssertionError("token request failed: " + response.statusCode() + " " + response.body());
        }
        JsonNode tokens = SandboxHttp.json(response);
        return tokens.get("id_token").asText();
    }

    /** Unsigned, as AssumeRoleWithWebIdentity is called; the SDK's default retries. */
    static StsClient anonymousSts(SandboxServer server) {
        return builder(server, AnonymousCredentialsProvider.create()).build();
    }

    /** Unsigned and never retrying, so an injected fault reaches the test as an exception. */
    static StsClient anonymousStsWithoutRetries(SandboxServer server) {
        return builder(server, AnonymousCredentialsProvider.create())
                .overrideConfiguration(c -> c.retryStrategy(AwsRetryStrategy.doNotRetry()))
                .build();
    }

    /** Signs every request with SigV4 using the given temporary credentials. */
    static StsClient signedSts(SandboxServer server, String accessKeyId, String secretAccessKey, String sessionToken) {
        return builder(server, StaticCredentialsProvider.create(
                AwsSessionCredentials.create(accessKeyId, secretAccessKey, sessionToken)))
                .overrideConfiguration(c -> c.retryStrategy(AwsRetryStrategy.doNotRetry()))
                .build();
    }

    static StsClient signedSts(SandboxServer server, Credentials credentials) {
        return signedSts(server, credentials.accessKeyId(), credentials.secretAccessKey(), credentials.sessionToken());
    }

    static AssumeRoleWithWebIdentityRequest.Builder assume(String roleArn, String token) {
        return AssumeRoleWithWebIdentityRequest.builder()
                .roleArn(roleArn)
                .roleSessionName("fedcred-test")
                .webIdentityToken(token);
    }

    private static software.amazon.awssdk.services.sts.StsClientBuilder builder(SandboxServer server,
                                                                               AwsCredentialsProvider credentials) {
        return StsClient.builder()
                .endpointOverride(URI.create(server.endpoints().get("aws-sts")))
                .region(Region.US_EAST_1)
                .credentialsProvider(credentials)
                .httpClientBuilder(UrlConnectionHttpClient.builder());
    }
}
