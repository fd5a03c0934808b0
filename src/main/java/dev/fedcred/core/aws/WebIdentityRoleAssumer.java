package dev.fedcred.core.aws;

import dev.fedcred.core.oidc.TokenSet;
import dev.fedcred.core.targets.AwsRoleTarget;
import java.net.URI;
import java.time.Duration;
import java.util.Map;
import java.util.Objects;
import java.util.concurrent.ConcurrentHashMap;
import software.amazon.awssdk.auth.credentials.AnonymousCredentialsProvider;
import software.amazon.awssdk.awscore.retry.AwsRetryStrategy;
import software.amazon.awssdk.core.exception.SdkClientException;
import software.amazon.awssdk.http.urlconnection.UrlConnectionHttpClient;
import software.amazon.awssdk.regions.Region;
import software.amazon.awssdk.services.sts.StsClient;
import software.amazon.awssdk.services.sts.model.AssumeRoleWithWebIdentityRequest;
import software.amazon.awssdk.services.sts.model.AssumeRoleWithWebIdentityResponse;
import software.amazon.awssdk.services.sts.model.Credentials;
import software.amazon.awssdk.services.sts.model.IdpCommunicationErrorException;
import software.amazon.awssdk.services.sts.model.StsException;

/**
 * AssumeRoleWithWebIdentity through the AWS SDK. The call is unsigned (the ID token is the
 * proof), so no AWS credentials are needed to make it. Clients are kept per region and endpoint:
 * a warm client makes the in-app assume a single HTTP round trip.
 */
public final class WebIdentityRoleAssumer implements AutoCloseable {
    private static final int MAX_ATTEMPTS = 4;

    private final Duration timeout;
    private final Map<String, StsClient> clients = new ConcurrentHashMap<>();

    public WebIdentityRoleAssumer(Duration timeout) {
        this.timeout = timeout;
    }

    public AssumedRole assume(AwsRoleTarget target, TokenSet tokens) {
        AwsRoleRules.requireRoleArn(target.roleArn());
        String sessionName = target.roleSessionName() != null ? target.roleSessionName() : RoleSessionNames.fromClaims(tokens);
        AssumeRoleWithWebIdentityRequest request = AssumeRoleWithWebIdentityRequest.builder()
                .roleArn(target.roleArn())
                .roleSessionName(sessionName)
                .webIdentityToken(tokens.rawIdToken())
                .durationSeconds((int) target.sessionDuration().toSeconds())
                .build();
        try {
            AssumeRoleWithWebIdentityResponse response = client(target).assumeRoleWithWebIdentity(request);
            Credentials credentials = response.credentials();
            return new AssumedRole(credentials.accessKeyId(), credentials.secretAccessKey(), credentials.sessionToken(),
                    credentials.expiration(), response.assumedRoleUser().arn(), response.assumedRoleUser().assumedRoleId(),
                    response.subjectFromWebIdentityToken(), response.audience(), response.provider());
        } catch (StsException e) {
            throw StsErrors.translate(e, target, tokens);
        } catch (SdkClientException e) {
            throw StsErrors.unreachable(e, endpointFor(target));
        }
    }

    private StsClient client(AwsRoleTarget target) {
        String key = target.stsRegion() + " " + Objects.toString(target.stsEndpoint(), "");
        return clients.computeIfAbsent(key, unused -> newClient(target));
    }

    private StsClient newClient(AwsRoleTarget target) {
        var builder = StsClient.builder()
                .region(Region.of(target.stsRegion()))
                .credentialsProvider(AnonymousCredentialsProvider.create())
                .httpClientBuilder(UrlConnectionHttpClient.builder()
                        .connectionTimeout(timeout)
                        .socketTimeout(timeout))
                .overrideConfiguration(config -> config.retryStrategy(AwsRetryStrategy.standardRetryStrategy().toBuilder()
                        // STS could not reach the identity provider: worth retrying, as AWS documents
                        .retryOnException(IdpCommunicationErrorException.class)
                        .maxAttempts(MAX_ATTEMPTS)
                        .build()));
        if (target.stsEndpoint() != null) {
            builder.endpointOverride(target.stsEndpoint());
        }
        return builder.build();
    }

    static String endpointFor(AwsRoleTarget target) {
        URI override = target.stsEndpoint();
        return override != null ? override.toString() : "https://sts." + target.stsRegion() + ".amazonaws.com";
    }

    @Override
    public void close() {
        clients.values().forEach(StsClient::close);
        clients.clear();
    }
}
