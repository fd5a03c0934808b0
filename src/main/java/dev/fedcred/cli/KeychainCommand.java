package dev.fedcred.cli;

import dev.fedcred.FedcredContext;
import dev.fedcred.core.session.KeychainSetting;
import java.io.PrintWriter;
import picocli.CommandLine.Command;
import picocli.CommandLine.Spec;
import picocli.CommandLine.Model.CommandSpec;

@Command(name = "keychain", description = {
        "Show or choose where refresh tokens are kept: in the token file (the default) or in the OS keychain.",
        "The OS keychain is the Secret Service on Linux, the macOS Keychain, the Windows Credential Manager."})
final class KeychainCommand implements Runnable {
    @Spec
    CommandSpec spec;

    private final FedcredContext context;

    KeychainCommand(FedcredContext context) {
        this.context = context;
    }

    @Override
    public void run() {
        spec.commandLine().usage(spec.commandLine().getOut());
    }

    @Command(name = "status", description = "Say which keychain this system has, whether it answers, and where refresh tokens are kept now.")
    int status() {
        print(Terminal.out(spec), context.keychain().status());
        return ExitCodes.OK;
    }

    @Command(name = "on", description = "Keep refresh tokens in the OS keychain; moves those in the token file there.")
    int on() {
        return report(context.keychain().turnOn());
    }

    @Command(name = "off", description = "Keep refresh tokens in the token file; moves them back from the OS keychain.")
    int off() {
        return report(context.keychain().turnOff());
    }

    private static void print(PrintWriter out, KeychainSetting.Status status) {
        out.println("Keychain setting: " + (status.on() ? "on" : "off"));
        out.println("OS keychain: " + status.keychainName() + (status.answers() ? " (answers)" : " (does not answer)"));
        if (!status.answers()) {
            out.println("  " + status.problem());
        }
        out.println(status.where());
    }

    /** Prints the new status, and says which refresh tokens stayed where they were. */
    private int report(KeychainSetting.Change change) {
        print(Terminal.out(spec), change.status());
        if (change.notMoved().isEmpty()) {
            return ExitCodes.OK;
        }
        Terminal.err(spec).println("fedcred: " + change.notMovedSentence() + " Run the command again once the "
                + change.status().keychainName() + " works, or sign in again.");
        return ExitCodes.FAILED;
    }
}
