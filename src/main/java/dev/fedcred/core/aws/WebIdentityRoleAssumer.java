package dev.fedcred.core.aws;

import dev.fedcred.core.oidc.TokenSet;
import dev.fedcred.core.aws.AwsRoleTarget;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import software.amazon.awssdk.core.exception.SdkClientException;
import software.amazon.awssdk.services.sts.model.AssumeRoleWithWebIdentityRequest;
import software.amazon.awssdk.services.sts.model.AssumeRoleWithWebIdentityResponse;
import software.amazon.awssdk.services.sts.model.StsException;

/**
 * AssumeRoleWithWebIdentity through the AWS SDK. The call is unsigned (the ID token is the
 * proof), so no AWS credentials are needed to make it. Clients come from {@link StsClients}.
 */
public final class WebIdentityRoleAssumer implements AutoCloseable {
    private final StsClients clients;
    private final Clock clock;

    public WebIdentityRoleAssumer(Duration deadline) {
        this(deadline, Clock.systemUTC());
    }

    /**
     * @param deadline how long one assume may take in all, retries included
     * @param clock    what "already expired" is judged by
     */
    public WebIdentityRoleAssumer(Duration deadline, Clock clock) {
        this(new StsClients(deadline), clock);
    }

    /** Shares {@code clients} with the other STS callers (role chaining). */
    public WebIdentityRoleAssumer(StsClients clients, Clock clock) {
        this.clients = clients;
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
            response = clients.client(target.stsRegion(), target.stsEndpoint()).assumeRoleWithWebIdentity(request);
        } catch (StsException e) {
            throw StsErrors.translate(e, target, tokens);
        } catch (SdkClientException e) {
            throw StsErrors.clientFailure(e, endpointFor(target), clients.deadline());
        }
        return assumedRole(response, endpointFor(target), clock.instant());
    }

    /** What STS answered, refused unless it holds complete, sane credentials with time left. */
    static AssumedRole assumedRole(AssumeRoleWithWebIdentityResponse response, String endpoint, Instant now) {
        return StsReplies.assumedRole(response.credentials(), response.assumedRoleUser(), endpoint, now,
                response.subjectFromWebIdentityToken(), response.audience(), response.provider());
    }

    static String endpointFor(AwsRoleTarget target) {
        return StsClients.endpointFor(target.stsRegion(), target.stsEndpoint());
    }

    @Override
    public void close() {
        clients.close();
    }
}
