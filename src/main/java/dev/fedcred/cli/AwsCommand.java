package dev.fedcred.cli;

import dev.fedcred.FedcredContext;
import dev.fedcred.core.targets.AwsRoleTarget;
import java.io.PrintWriter;
import picocli.CommandLine.Command;
import picocli.CommandLine.Parameters;
import picocli.CommandLine.Spec;
import picocli.CommandLine.Model.CommandSpec;

@Command(name = "aws", description = "AWS helpers: config snippets and removing written profiles.",
        subcommands = {AwsCommand.ConfigSnippet.class, AwsCommand.RemoveProfile.class})
final class AwsCommand implements Runnable {
    @Spec
    CommandSpec spec;

    @Override
    public void run() {
        spec.commandLine().usage(spec.commandLine().getOut());
    }

    @Command(name = "config-snippet", description = {
            "Print a ~/.aws/config profile that gets this target's credentials through credential_process.",
            "The AWS CLI and SDKs then ask fedcred whenever they need fresh ones."})
    static final class ConfigSnippet implements Runnable {
        @Spec
        CommandSpec spec;

        @Parameters(index = "0", paramLabel = "TARGET")
        String targetName;

        private final FedcredContext context;

        ConfigSnippet(FedcredContext context) {
            this.context = context;
        }

        @Override
        public void run() {
            AwsRoleTarget target = TypedTargets.aws(context, targetName);
            PrintWriter out = spec.commandLine().getOut();
            out.println("default".equals(target.profile()) ? "[default]" : "[profile " + target.profile() + "]");
            out.println("credential_process = " + Launcher.current().forPrograms("credential-process", target.name()));
            if (target.region() != null) {
                out.println("region = " + target.region());
            }
        }
    }

    @Command(name = "remove", description = "Remove a profile fedcred wrote (never one it did not write).")
    static final class RemoveProfile implements Runnable {
        @Spec
        CommandSpec spec;

        @Parameters(index = "0", paramLabel = "PROFILE")
        String profile;

        private final FedcredContext context;

        RemoveProfile(FedcredContext context) {
            this.context = context;
        }

        @Override
        public void run() {
            boolean removed = context.aws().removeProfile(profile);
            spec.commandLine().getOut().println(removed
                    ? "Removed AWS profile " + profile + " from " + context.aws().files().credentialsFile() + "."
                    : "There is no profile " + profile + " written by fedcred; nothing to do.");
        }
    }
}
