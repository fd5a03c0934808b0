package dev.fedcred.core.aws;

import dev.fedcred.core.net.Deadline;
import java.net.URI;
import java.time.Duration;
import java.util.Map;
import java.util.Objects;
import java.util.concurrent.ConcurrentHashMap;
import software.amazon.awssdk.auth.credentials.AnonymousCredentialsProvider;
import software.amazon.awssdk.awscore.retry.AwsRetryStrategy;
import software.amazon.awssdk.http.urlconnection.UrlConnectionHttpClient;
import software.amazon.awssdk.regions.Region;
import software.amazon.awssdk.services.sts.StsClient;
import software.amazon.awssdk.services.sts.model.IdpCommunicationErrorException;

/**
 * The AWS SDK's STS clients fedcred calls for the signed actions (AssumeRole of a chained role;
 * AssumeRoleWithWebIdentity goes through {@link WebIdentityStsClient}), kept per region and endpoint: a warm client makes an
 * assume a single HTTP round trip. Every client reads replies within the limits of
 * {@link BoundedSdkHttpClient} and ends each call within one deadline, retries included. Clients
 * are anonymous: AssumeRoleWithWebIdentity is unsigned, and a signed call (AssumeRole) gives its
 * credentials with the request.
 */
public final class StsClients implements AutoCloseable {
    /** One try and two retries: enough to ride out throttling, few enough to end within the deadline. */
    private static final int MAX_ATTEMPTS = 3;

    private final Duration deadline;
    private final Map<String, StsClient> clients = new ConcurrentHashMap<>();

    /** @param deadline how long one call may take in all, retries included */
    public StsClients(Duration deadline) {
        this.deadline = deadline;
    }

    public Duration deadline() {
        return deadline;
    }

    /** The client for {@code region} at {@code endpoint} (null: AWS's regional endpoint). */
    public StsClient client(String region, URI endpoint) {
        String key = region + " " + Objects.toString(endpoint, "");
        return clients.computeIfAbsent(key, unused -> newClient(region, endpoint));
    }

    /** The endpoint a call goes to, for messages. */
    public static String endpointFor(String region, URI endpoint) {
        return StsEndpoints.shown(region, endpoint);
    }

    private StsClient newClient(String region, URI endpoint) {
        var builder = StsClient.builder()
                .region(Region.of(region))
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
        if (endpoint != null) {
            builder.endpointOverride(endpoint);
        }
        return builder.build();
    }

    @Override
    public void close() {
        clients.values().forEach(StsClient::close);
        clients.clear();
    }
}
