package dev.fedcred.core.aws;

import dev.fedcred.core.CredentialsException;
import dev.fedcred.core.aws.console.AwsPartition;
import dev.fedcred.core.aws.console.ConsoleDestination;
import dev.fedcred.core.aws.console.ConsoleLink;
import dev.fedcred.core.aws.console.FederationEndpoint;
import dev.fedcred.core.net.Deadline;
import java.net.URI;
import java.time.Clock;
import java.time.Duration;

/**
 * Signs an AWS target of any kind (an AWS role, a chained role) in to the AWS Management Console:
 * the target's current session (the cached one while it has more than
 * {@link AwsSessionCache#REUSE_MARGIN} left, else a new one from STS), getSigninToken at the
 * federation endpoint of the role's partition (or the target's own, such as the sandbox's), and the
 * login URL for the chosen destination and region.
 *
 * <p>The console session lasts as long as the target's own session duration (900 s to 43200 s; one
 * hour unless the target says otherwise): the user chose how long a session of this role should
 * last, STS has accepted it for the role, and it stays within what getSigninToken allows. A role
 * reached by role chaining gets at most one hour from AWS either way.
 */
public final class AwsConsoleSignIn {
    private final FederationEndpoint federation;

    /**
     * What a console sign-in needs of a target's role, whatever its kind.
     *
     * @param roleArn            the role, whose partition picks the console and its federation endpoint
     * @param sessionDuration    the target's session duration, which the console session lasts
     * @param federationEndpoint another federation endpoint than the partition's (the sandbox's); null for AWS's own
     */
    public record Role(String roleArn, Duration sessionDuration, URI federationEndpoint) {
    }

    public AwsConsoleSignIn(Clock clock) {
        this(new FederationEndpoint(Deadline.INTERACTIVE, clock));
    }

    public AwsConsoleSignIn(FederationEndpoint federation) {
        this.federation = federation;
    }

    /**
     * The login URL: a credential for 15 minutes (see {@link ConsoleLink}).
     *
     * @param region      null: the target's region, else the console's own choice
     * @param destination null: the console's home; else an https URL of the role's partition's console
     */
    public ConsoleLink link(AwsSessions.AwsSession target, String region, String destination) {
        Role console = target.consoleRole();
        AwsPartition partition = AwsPartition.ofArn(console.roleArn());
        // checked before any credentials are fetched: a wrong destination costs nothing
        URI to = ConsoleDestination.of(partition, region != null ? region : target.region(), destination);
        URI endpoint = console.federationEndpoint() != null ? console.federationEndpoint() : partition.federationEndpoint();
        AssumedRole role = target.current();
        try {
            return federation.signIn(endpoint, role.credentials(), console.sessionDuration(), to);
        } catch (CredentialsException refused) {
            if (refused.remedy() == CredentialsException.Remedy.FIX_CLOUD_SETUP) {
                // the session may have been revoked: the next try, by any command, gets a new one
                target.bound().forget();
            }
            throw refused;
        }
    }
}
