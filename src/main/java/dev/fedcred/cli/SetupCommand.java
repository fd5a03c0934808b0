package dev.fedcred.cli;

import picocli.CommandLine.Command;
import picocli.CommandLine.Model.CommandSpec;
import picocli.CommandLine.Spec;

@Command(name = "setup", description = "Print the cloud-side set-up a target needs, made from your signed-in token.",
        subcommands = {SetupAwsCommand.class, SetupGcpCommand.class})
final class SetupCommand implements Runnable {
    @Spec
    CommandSpec spec;

    @Override
    public void run() {
        spec.commandLine().usage(spec.commandLine().getOut());
    }
}
