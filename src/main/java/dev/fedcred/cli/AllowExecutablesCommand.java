package dev.fedcred.cli;

import dev.fedcred.FedcredContext;
import dev.fedcred.core.gcp.ExecutableHints;
import dev.fedcred.core.gcp.ExecutableSubjectTokens;
import java.util.concurrent.Callable;
import picocli.CommandLine.Command;
import picocli.CommandLine.Option;
import picocli.CommandLine.Spec;
import picocli.CommandLine.Model.CommandSpec;

/**
 * Prints the one line a shell profile needs so that Google's libraries and gcloud run an ADC file's
 * executable source. The line alone goes to stdout (so `>> ~/.bashrc` works); where to put it, to stderr.
 */
@Command(name = "allow-executables", description = {
        "Print the line for your shell's profile that lets Google's tools run executable-sourced ADC files.",
        "That is GOOGLE_EXTERNAL_ACCOUNT_ALLOW_EXECUTABLES=1, which Google's libraries and gcloud require; where to",
        "add it goes to stderr."})
final class AllowExecutablesCommand implements Callable<Integer> {
    enum Shell { sh, fish, powershell }

    @Spec
    CommandSpec spec;

    @Option(names = "--shell", paramLabel = "SHELL", description = "sh (bash, zsh, ...), fish or powershell"
            + " (default: from $SHELL, powershell on Windows).")
    Shell shell;

    private final FedcredContext context;

    AllowExecutablesCommand(FedcredContext context) {
        this.context = context;
    }

    @Override
    public Integer call() {
        Shell chosen = shell != null ? shell : shellOf(context.environment().get("SHELL"), System.getProperty("os.name"));
        String variable = ExecutableSubjectTokens.ALLOW_VARIABLE;
        Terminal.out(spec).println(switch (chosen) {
            case sh -> ExecutableHints.EXPORT_LINE;
            case fish -> "set -gx " + variable + " 1";
            case powershell -> "$env:" + variable + " = \"1\"";
        });
        Terminal.err(spec).println("Add this line to " + switch (chosen) {
            case sh -> "your shell's profile (~/.bashrc, ~/.zshrc; ~/.profile for programs started from the desktop,"
                    + " after logging in again)";
            case fish -> "~/.config/fish/config.fish";
            case powershell -> "your PowerShell profile ($PROFILE), or run `setx " + variable + " 1` once for every program";
        } + ", then open a new terminal. Programs started before that do not have it.");
        return ExitCodes.OK;
    }

    static Shell shellOf(String shellVariable, String osName) {
        if (shellVariable != null && shellVariable.endsWith("fish")) {
            return Shell.fish;
        }
        if ((shellVariable == null || shellVariable.isBlank()) && osName != null && osName.startsWith("Windows")) {
            return Shell.powershell;
        }
        return Shell.sh;
    }
}
