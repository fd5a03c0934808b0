package dev.fedcred.core.aws.chained;

import dev.fedcred.core.aws.AssumedRole;
import dev.fedcred.core.aws.RoleSessionNames;
import dev.fedcred.core.aws.StsClients;
import dev.fedcred.core.aws.StsErrors;
import dev.fedcred.core.aws.StsReplies;
import java.net.URI;
import java.time.Clock;
import software.amazon.awssdk.auth.credentials.AwsSessionCredentials;
import software.amazon.awssdk.auth.credentials.StaticCredentialsProvider;
import software.amazon.awssdk.core.exception.SdkClientException;
import software.amazon.awssdk.services.sts.model.AssumeRoleRequest;
import software.amazon.awssdk.services.sts.model.AssumeRoleResponse;
import software.amazon.awssdk.services.sts.model.StsException;

/**
 * STS AssumeRole through the AWS SDK, signed (SigV4) with the source's session: the request
 * carries the source's credentials, so the clients of {@link StsClients} are shared with
 * AssumeRoleWithWebIdentity.
 */
public final class RoleChainer {
    private final StsClients clients;
    private final Clock clock;

    public RoleChainer(StsClients clients, Clock clock) {
        this.clients = clients;
        this.clock = clock;
    }

    /**
     * @param sourceName the source target, for messages
     * @param source     the source's session, which signs the request
     */
    AssumedRole assume(ChainedRoleTarget target, String sourceName, AssumedRole source, String region, URI endpoint) {
        String sessionName = target.roleSessionName() != null ? target.roleSessionName()
                : RoleSessionNames.fromSourceSession(source.assumedRoleArn());
        AssumeRoleRequest request = AssumeRoleRequest.builder()
                .roleArn(target.roleArn())
                .roleSessionName(sessionName)
                .externalId(target.externalId())
                .durationSeconds((int) target.sessionDuration().toSeconds())
                .overrideConfiguration(config -> config.credentialsProvider(StaticCredentialsProvider.create(
                        AwsSessionCredentials.create(source.accessKeyId(), source.secretAccessKey(), source.sessionToken()))))
                .build();
        String shownEndpoint = StsClients.endpointFor(region, endpoint);
        AssumeRoleResponse response;
        try {
            response = clients.client(region, endpoint).assumeRole(request);
        } catch (StsException e) {
            throw ChainErrors.translate(e, target, sourceName, source, region, shownEndpoint);
        } catch (SdkClientException e) {
            throw StsErrors.clientFailure(e, shownEndpoint, clients.deadline());
        }
        return StsReplies.assumedRole(response.credentials(), response.assumedRoleUser(), shownEndpoint, clock.instant(),
                null, null, null);
    }
}
