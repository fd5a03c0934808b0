package dev.fedcred.cli;

import dev.fedcred.FedcredContext;
import dev.fedcred.core.gcp.AdcFileWriter;
import dev.fedcred.core.gcp.GcpWorkloadTarget;
import java.nio.file.Path;
import java.util.concurrent.Callable;
import picocli.CommandLine.Command;
import picocli.CommandLine.Parameters;
import picocli.CommandLine.Spec;
import picocli.CommandLine.Model.CommandSpec;

@Command(name = "gcp", description = "GCP helpers: access tokens for scripts, removing written ADC files, the ADC executable source.",
        subcommands = {GcpCommand.PrintAccessToken.class, GcpCommand.RemoveAdc.class, SubjectTokenCommand.class,
                AllowExecutablesCommand.class})
final class GcpCommand implements Runnable {
    @Spec
    CommandSpec spec;

    @Override
    public void run() {
        spec.commandLine().usage(spec.commandLine().getOut());
    }

    @Command(name = "print-access-token", description = {
            "Print only a valid access token for a GCP target, e.g. for CLOUDSDK_AUTH_ACCESS_TOKEN or curl.",
            "Reuses one with more than 5 minutes left; renews through the refresh token; exits 3 when a browser",
            "sign-in is needed."})
    static final class PrintAccessToken implements Callable<Integer> {
        @Spec
        CommandSpec spec;

        @Parameters(index = "0", paramLabel = "TARGET")
        String targetName;

        private final FedcredContext context;

        PrintAccessToken(FedcredContext context) {
            this.context = context;
        }

        @Override
        public Integer call() {
            Terminal.out(spec).println(context.gcp().current(TypedTargets.gcp(context, targetName)).accessToken());
            return ExitCodes.OK;
        }
    }

    @Command(name = "remove", description = {"Remove the ADC file fedcred wrote for a target (never one it did not write).",
            "The file it replaced with --force, if any, is put back."})
    static final class RemoveAdc implements Runnable {
        @Spec
        CommandSpec spec;

        @Parameters(index = "0", paramLabel = "TARGET")
        String targetName;

        private final FedcredContext context;

        RemoveAdc(FedcredContext context) {
            this.context = context;
        }

        @Override
        public void run() {
            GcpWorkloadTarget target = TypedTargets.gcp(context, targetName);
            Path file = context.gcp().adcFile(target);
            AdcFileWriter.Removal removal = context.gcp().removeAdc(target);
            context.gcp().forget(target);
            Terminal.out(spec).println(switch (removal) {
                case REMOVED -> "Removed the ADC file " + file + ".";
                case REMOVED_AND_RESTORED -> "Removed fedcred's ADC file and put back the previous " + file + ".";
                case NOTHING_TO_REMOVE -> "There is no ADC file at " + file + "; nothing to do.";
            });
        }
    }
}
