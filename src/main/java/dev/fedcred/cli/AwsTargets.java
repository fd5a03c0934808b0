package dev.fedcred.cli;

import dev.fedcred.FedcredContext;
import dev.fedcred.core.FedcredException;
import dev.fedcred.core.targets.AwsRoleTarget;
import dev.fedcred.core.targets.Target;

/** Looks up a target that must be an AWS role, for the AWS-only commands. */
final class AwsTargets {
    private AwsTargets() {
    }

    static AwsRoleTarget resolve(FedcredContext context, String name) {
        Target target = context.targets().resolve(name);
        if (target instanceof AwsRoleTarget aws) {
            return aws;
        }
        throw new FedcredException("The target \"" + name + "\" is not an AWS role.");
    }
}
