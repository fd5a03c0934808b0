package dev.fedcred.cli;

import picocli.CommandLine.Command;
import picocli.CommandLine.Spec;
import picocli.CommandLine.Model.CommandSpec;

@Command(name = "setup", description = "Print the cloud-side set-up a target needs, generated from your signed-in ID token.",
        subcommands = {SetupGcpCommand.class})
final class SetupCommand implements Runnable {
    @Spec
    CommandSpec spec;

    @Override
    public void run() {
        spec.commandLine().usage(spec.commandLine().getOut());
    }
}
