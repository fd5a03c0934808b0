package dev.fedcred.cli;

import dev.fedcred.core.launch.Launcher;

import dev.fedcred.FedcredContext;
import dev.fedcred.core.FedcredException;
import dev.fedcred.core.aws.AwsSessions;
import dev.fedcred.core.gcp.GcpWorkloadTarget;
import dev.fedcred.core.targets.Target;
import java.util.function.Function;

/** Looks up a target that must be of one kind, for the AWS-only and GCP-only commands. */
final class TypedTargets {
    private TypedTargets() {
    }

    /** A target of any kind that gives an AWS session: an AWS role, a chained role. */
    static AwsSessions.AwsSession awsSession(FedcredContext context, String name) {
        Target target = context.targets().resolve(name);
        return AwsSessions.of(context.kinds(), target).orElseThrow(() -> new FedcredException("The target \"" + name
                + "\" is not an AWS role (nor a chained one); this command is for AWS targets. For a GCP target use `"
                + Launcher.current().forPeople() + " assume " + name + "` (writes the ADC file) or `"
                + Launcher.current().forPeople() + " gcp print-access-token " + name + "`."));
    }

    static GcpWorkloadTarget gcp(FedcredContext context, String name) {
        return resolve(context, name, GcpWorkloadTarget.class, fedcred -> "is not a GCP workload identity provider;"
                + " this command is for GCP targets. For an AWS role use `" + fedcred + " assume " + name + "` or `"
                + fedcred + " credential-process " + name + "`.");
    }

    /** @param otherwise the rest of the message, given the command that starts fedcred */
    private static <T extends Target> T resolve(FedcredContext context, String name, Class<T> kind,
                                                Function<String, String> otherwise) {
        Target target = context.targets().resolve(name);
        return context.kinds().as(target, kind)
                .orElseThrow(() -> new FedcredException("The target \"" + name + "\" "
                        + otherwise.apply(Launcher.current().forPeople())));
    }
}
