package dev.fedcred.cli;

import dev.fedcred.core.launch.Launcher;
import dev.fedcred.core.aws.AwsHints;

import dev.fedcred.FedcredContext;
import dev.fedcred.core.aws.ProcessProfiles;
import dev.fedcred.core.aws.AwsSessions;
import java.io.PrintWriter;
import picocli.CommandLine.Command;
import picocli.CommandLine.Option;
import picocli.CommandLine.Parameters;
import picocli.CommandLine.Spec;
import picocli.CommandLine.Model.CommandSpec;

@Command(name = "aws", description = "AWS helpers: credential_process profiles, removing written profiles, console sign-in.",
        subcommands = {AwsCommand.ConfigSnippet.class, AwsCommand.InstallProfile.class, AwsCommand.RemoveProfile.class,
                AwsConsoleCommand.class})
final class AwsCommand implements Runnable {
    private static final String PROFILE_HELP = "Name of the credential_process profile (default: the target's profile"
            + " + \"" + ProcessProfiles.DEFAULT_SUFFIX + "\"); never the target's own profile, which its credentials would shadow.";

    @Spec
    CommandSpec spec;

    @Override
    public void run() {
        spec.commandLine().usage(spec.commandLine().getOut());
    }

    /** The profile name a command was given, else the default for the target. */
    private static String profileName(String given, AwsSessions.AwsSession target) {
        return given != null ? given : ProcessProfiles.defaultName(target.profile());
    }

    @Command(name = "config-snippet", description = {
            "Print a ~/.aws/config profile that gets this target's credentials through credential_process.",
            "The AWS CLI and SDKs then ask fedcred whenever they need fresh ones. The profile has a name of its own",
            "(prod-process for a target writing prod); a name the AWS files already define is refused.",
            "`fedcred aws install-profile` writes the same profile into the config file for you."})
    static final class ConfigSnippet implements Runnable {
        @Spec
        CommandSpec spec;

        @Parameters(index = "0", paramLabel = "TARGET")
        String targetName;

        @Option(names = "--profile", paramLabel = "NAME", description = PROFILE_HELP)
        String profile;

        private final FedcredContext context;

        ConfigSnippet(FedcredContext context) {
            this.context = context;
        }

        @Override
        public void run() {
            AwsSessions.AwsSession target = TypedTargets.awsSession(context, targetName);
            Terminal.out(spec).print(context.processProfiles().snippet(target.name(), target.region(),
                    profileName(profile, target), Launcher.current().forPrograms("credential-process", target.name())));
        }
    }

    @Command(name = "install-profile", description = {
            "Write a credential_process profile for this target into the AWS config file.",
            "Everything else in the file stays as it was; `fedcred aws remove PROFILE` takes the profile out again.",
            "A profile of that name fedcred did not write is replaced only with --force."})
    static final class InstallProfile implements Runnable {
        @Spec
        CommandSpec spec;

        @Parameters(index = "0", paramLabel = "TARGET")
        String targetName;

        @Option(names = "--profile", paramLabel = "NAME", description = PROFILE_HELP)
        String profile;

        @Option(names = "--force", description = "Replace a config profile of that name that fedcred did not write.")
        boolean force;

        private final FedcredContext context;

        InstallProfile(FedcredContext context) {
            this.context = context;
        }

        @Override
        public void run() {
            AwsSessions.AwsSession target = TypedTargets.awsSession(context, targetName);
            String name = profileName(profile, target);
            String command = Launcher.current().forPrograms("credential-process", target.name());
            context.processProfiles().install(target.name(), target.region(), name, command, force);
            PrintWriter out = Terminal.out(spec);
            out.println("Wrote the AWS profile " + name + " to " + context.aws().files().configFile()
                    + "; the AWS tools run `" + command + "` whenever they need its credentials.");
            out.println(AwsHints.useWith(target.stsEndpoint(), name));
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
            Terminal.out(spec).println(removed
                    ? "Removed AWS profile " + profile + " (fedcred's sections of it) from " + context.aws().files().credentialsFile()
                    + " and " + context.aws().files().configFile() + "."
                    : "There is no profile " + profile + " written by fedcred; nothing to do.");
        }
    }
}
