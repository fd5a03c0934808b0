package dev.fedcred.core.aws;

import dev.fedcred.core.oidc.TokenSet;
import java.time.Clock;
import java.time.Duration;

/**
 * AssumeRoleWithWebIdentity. The call is unsigned (the ID token is the proof), so no AWS
 * credentials are needed to make it, and no AWS SDK: {@link WebIdentityStsClient} makes it.
 */
public final class WebIdentityRoleAssumer implements AutoCloseable {
    private final WebIdentityStsClient client;
    private final Clock clock;

    public WebIdentityRoleAssumer(Duration deadline) {
        this(deadline, Clock.systemUTC());
    }

    /**
     * @param deadline how long one assume may take in all, retries included
     * @param clock    what "already expired" is judged by
     */
    public WebIdentityRoleAssumer(Duration deadline, Clock clock) {
        this.client = new WebIdentityStsClient(deadline);
        this.clock = clock;
    }

    public AssumedRole assume(AwsRoleTarget target, TokenSet tokens) {
        AwsRoleRules.requireRoleArn(target.roleArn());
        String sessionName = target.roleSessionName() != null ? target.roleSessionName() : RoleSessionNames.fromClaims(tokens);
        StsReply reply;
        try {
            reply = client.assume(StsEndpoints.of(target.stsRegion(), target.stsEndpoint()), target.roleArn(), sessionName,
                    tokens.rawIdToken(), target.sessionDuration().toSeconds());
        } catch (WebIdentityStsClient.Refused e) {
            throw StsRefusals.webIdentity(e.refusal(), target, tokens, e);
        }
        return reply.assumedRole(endpointFor(target), clock.instant());
    }

    static String endpointFor(AwsRoleTarget target) {
        return StsEndpoints.shown(target.stsRegion(), target.stsEndpoint());
    }

    /** Nothing to release: connections are the JDK's, kept alive by it. */
    @Override
    public void close() {
    }
}
