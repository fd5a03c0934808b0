package dev.fedcred.cli;

import dev.fedcred.FedcredContext;
import dev.fedcred.core.aws.AssumedRole;
import dev.fedcred.core.targets.AwsRoleTarget;
import dev.fedcred.core.targets.GcpWorkloadTarget;
import dev.fedcred.core.targets.Target;
import java.io.PrintWriter;
import java.time.Duration;
import java.util.concurrent.Callable;
import picocli.CommandLine.Command;
import picocli.CommandLine.Option;
import picocli.CommandLine.Parameters;
import picocli.CommandLine.Spec;
import picocli.CommandLine.Model.CommandSpec;

@Command(name = "assume", description = {"Get fresh credentials for a target and write them where its tools look.",
        "An AWS role goes as a profile into the shared credentials file; a GCP workload identity provider as an",
        "Application Default Credentials file for gcloud and Google's libraries."})
final class AssumeCommand implements Callable<Integer> {
    @Spec
    CommandSpec spec;

    @Parameters(index = "0", paramLabel = "TARGET")
    String targetName;

    @Option(names = "--force", description = "Replace a profile of that name, or an ADC file, that fedcred did not write.")
    boolean force;

    private final FedcredContext context;

    AssumeCommand(FedcredContext context) {
        this.context = context;
    }

    @Override
    public Integer call() {
        Target resolved = context.targets().resolve(targetName);
        if (resolved instanceof GcpWorkloadTarget gcp) {
            new GcpAssumeReport(context, Terminal.out(spec)).print(gcp, context.gcp().assumeAndWrite(gcp, force));
            return ExitCodes.OK;
        }
        AwsRoleTarget target = TypedTargets.aws(context, targetName);
        AssumedRole role = context.aws().assumeAndWrite(target, force);
        Duration left = Duration.between(context.clock().instant(), role.expiration());
        PrintWriter out = Terminal.out(spec);
        out.println("Wrote AWS profile " + target.profile() + " to " + context.aws().files().credentialsFile()
                + " as " + role.assumedRoleArn() + "; expires " + role.expiration() + " (in "
                + TokenSummary.humanDuration(left.isNegative() ? Duration.ZERO : left) + ").");
        out.println(AwsHints.useWith(target, target.profile()));
        return ExitCodes.OK;
    }
}
