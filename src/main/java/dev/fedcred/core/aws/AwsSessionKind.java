package dev.fedcred.core.aws;

import dev.fedcred.core.targets.Target;
import dev.fedcred.core.targets.TargetKind;
import dev.fedcred.core.targets.TargetAction;
import java.net.URI;
import java.util.Optional;

/**
 * A kind of target whose credentials are an AWS session written as a profile: an AWS role, a role
 * reached through another. What {@code credential-process}, {@code env}, the {@code aws} commands
 * and a role chain's source need from any of them, through {@link AwsSessions}.
 *
 * @param <T> the kind's target record
 */
public interface AwsSessionKind<T extends Target> extends TargetKind<T> {
    /** The AWS profile the target's credentials are written to. */
    String profile(T target);

    /** The region for STS and the profile; null when the target sets none. */
    String region(T target);

    /** Another STS endpoint than AWS's (the sandbox's); null for AWS's own. */
    URI stsEndpoint(T target);

    /** The role the target's sessions are of, as a console sign-in needs it. */
    AwsConsoleSignIn.Role consoleRole(T target);

    /** A console sign-in on the federation endpoint (the row's and the tray's {@link AwsConsoleAction}). */
    AwsConsoleSignIn consoleSignIn();

    /** The AWS console, for every AWS kind alike; other action ids are the kind's own. */
    @Override
    default TargetAction.Done perform(T target, String actionId) {
        if (!AwsConsoleAction.ID.equals(actionId)) {
            return TargetKind.super.perform(target, actionId);
        }
        return AwsConsoleAction.perform(consoleSignIn(), AwsSessions.of(this, target));
    }

    /** The cached session while it has more than {@link AwsSessionCache#REUSE_MARGIN} left; never calls STS. */
    Optional<AssumedRole> reusable(T target);

    /** The reusable session, else a new one (cached, not written to the profile). */
    AssumedRole current(T target);
}
