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
 * Signs an AWS role target in to the AWS Management Console: the target's current session (the
 * cached one while it has more than {@link AwsCredentialService#REUSE_MARGIN} left, else a new one
 * from STS), getSigninToken at the federation endpoint of the role's partition (or the target's
 * own, such as the sandbox's), and the login URL for the chosen destination and region.
 *
 * <p>The console session lasts as long as the target's own session duration (900 s to 43200 s; one
 * hour unless the target says otherwise): the user chose how long a session of this role should
 * last, STS has accepted it for the role, and it stays within what getSigninToken allows. A role
 * reached by role chaining gets at most one hour from AWS either way.
 */
public final class AwsConsoleSignIn {
    private final AwsCredentialService service;
    private final FederationEndpoint federation;

    public AwsConsoleSignIn(AwsCredentialService service, Clock clock) {
        this(service, new FederationEndpoint(Deadline.INTERACTIVE, clock));
    }

    public AwsConsoleSignIn(AwsCredentialService service, FederationEndpoint federation) {
        this.service = service;
        this.federation = federation;
    }

    /**
     * The login URL: a credential for 15 minutes (see {@link ConsoleLink}).
     *
     * @param region      null: the target's region, else the console's own choice
     * @param destination null: the console's home; else an https URL of the role's partition's console
     */
    public ConsoleLink link(AwsRoleTarget target, String region, String destination) {
        AwsPartition partition = AwsPartition.ofArn(target.roleArn());
        // checked before any credentials are fetched: a wrong destination costs nothing
        URI to = ConsoleDestination.of(partition, region != null ? region : target.region(), destination);
        URI endpoint = target.federationEndpoint() != null ? target.federationEndpoint() : partition.federationEndpoint();
        AssumedRole role = service.current(target);
        try {
            return federation.signIn(endpoint, role.credentials(), consoleSession(target), to);
        } catch (CredentialsException refused) {
            if (refused.remedy() == CredentialsException.Remedy.FIX_CLOUD_SETUP) {
                // the session may have been revoked: the next try, by any command, gets a new one
                service.forget(target);
            }
            throw refused;
        }
    }

    static Duration consoleSession(AwsRoleTarget target) {
        return target.sessionDuration();
    }
}
