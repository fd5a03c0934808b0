package dev.fedcred.core.aws;

import dev.fedcred.core.issued.IssuedCredentialChecks;
import dev.fedcred.core.net.Deadline;
import dev.fedcred.core.oidc.TokenSet;
import dev.fedcred.core.aws.AwsRoleTarget;
import java.net.URI;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
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
import software.amazon.awssdk.services.sts.model.AssumedRoleUser;
import software.amazon.awssdk.services.sts.model.Credentials;
import software.amazon.awssdk.services.sts.model.IdpCommunicationErrorException;
import software.amazon.awssdk.services.sts.model.StsException;

/**
 * AssumeRoleWithWebIdentity through the AWS SDK. The call is unsigned (the ID token is the
 * proof), so no AWS credentials are needed to make it. Clients are kept per region and endpoint:
 * a warm client makes the in-app assume a single HTTP round trip.
 */
public final class WebIdentityRoleAssumer implements AutoCloseable {
    /** One try and two retries: enough to ride out throttling, few enough to end within the deadline. */
    private static final int MAX_ATTEMPTS = 3;

    private final Duration deadline;
    private final Clock clock;
    private final Map<String, StsClient> clients = new ConcurrentHashMap<>();

    public WebIdentityRoleAssumer(Duration deadline) {
        this(deadline, Clock.systemUTC());
    }

    /**
     * @param deadline how long one assume may take in all, retries included
     * @param clock    what "already expired" is judged by
     */
    public WebIdentityRoleAssumer(Duration deadline, Clock clock) {
        this.deadline = deadline;
        this.clock = clock;
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
        AssumeRoleWithWebIdentityResponse response;
        try {
            response = client(target).assumeRoleWithWebIdentity(request);
        } catch (StsException e) {
            throw StsErrors.translate(e, target, tokens);
        } catch (SdkClientException e) {
            throw StsErrors.clientFailure(e, endpointFor(target), deadline);
        }
        return assumedRole(response, endpointFor(target), clock.instant());
    }

    /** What STS answered, refused unless it holds complete, sane credentials with time left. */
    static AssumedRole assumedRole(AssumeRoleWithWebIdentityResponse response, String endpoint, Instant now) {
        Credentials credentials = response.credentials();
        AssumedRoleUser user = response.assumedRoleUser();
        if (credentials == null || user == null || user.arn() == null) {
            throw StsErrors.notAnStsReply(endpoint, "HTTP 200 without " + (credentials == null ? "Credentials" : "AssumedRoleUser"));
        }
        String source = "AWS STS at " + endpoint;
        IssuedCredentialChecks.requireValue(source, "AccessKeyId", credentials.accessKeyId(),
                IssuedCredentialChecks.MAX_KEY_ID_CHARS);
        IssuedCredentialChecks.requireValue(source, "SecretAccessKey", credentials.secretAccessKey(),
                IssuedCredentialChecks.MAX_SECRET_CHARS);
        IssuedCredentialChecks.requireValue(source, "SessionToken", credentials.sessionToken(),
                IssuedCredentialChecks.MAX_TOKEN_CHARS);
        IssuedCredentialChecks.requireLifetime(source, credentials.expiration(), now);
        return new AssumedRole(credentials.accessKeyId(), credentials.secretAccessKey(), credentials.sessionToken(),
                credentials.expiration(), user.arn(), user.assumedRoleId(),
                response.subjectFromWebIdentityToken(), response.audience(), response.provider());
    }

    private StsClient client(AwsRoleTarget target) {
        String key = target.stsRegion() + " " + Objects.toString(target.stsEndpoint(), "");
        return clients.computeIfAbsent(key, unused -> newClient(target));
    }

    private StsClient newClient(AwsRoleTarget target) {
        var builder = StsClient.builder()
                .region(Region.of(target.stsRegion()))
                .credentialsProvider(AnonymousCredentialsProvider.create())
                .httpClient(new BoundedSdkHttpClient(UrlConnectionHttpClient.builder()
                        .connectionTimeout(Deadline.connectTimeout(deadline))
                        .socketTimeout(deadline)
                        .build()))
                .overrideConfiguration(config -> config.apiCallTimeout(deadline)
                        .retryStrategy(AwsRetryStrategy.standardRetryStrategy().toBuilder()
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
