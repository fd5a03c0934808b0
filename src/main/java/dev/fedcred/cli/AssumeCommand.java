package dev.fedcred.cli;


import dev.fedcred.FedcredContext;
import dev.fedcred.core.targets.Target;
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
        Target target = context.targets().resolve(targetName);
        DirectAssume.assume(context, target, force).forEach(Terminal.out(spec)::println);
        return ExitCodes.OK;
    }
}
