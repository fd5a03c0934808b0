package dev.fedcred.cli;

import java.io.PrintWriter;
import java.util.ArrayList;
import java.util.List;
import picocli.CommandLine;
import picocli.CommandLine.Command;
import picocli.CommandLine.Parameters;

/**
 * {@code fedcred help [COMMAND [SUBCOMMAND...]]}: the help of the command the whole path names.
 * picocli's own help command looks only at the first word, so `help targets add-aws` showed the
 * help of `targets`.
 */
@Command(name = "help", helpCommand = true,
        description = {"Print the help of a command, e.g. `fedcred help targets add-aws`.",
                "Every command also takes -h or --help."})
final class HelpCommand implements CommandLine.IHelpCommandInitializable2, Runnable {
    @Parameters(paramLabel = "COMMAND", arity = "0..*", description = "A command and its subcommands, as you would type them.")
    List<String> path = new ArrayList<>();

    private CommandLine self;
    private CommandLine.Help.ColorScheme colors;
    private PrintWriter out;

    @Override
    public void init(CommandLine helpCommandLine, CommandLine.Help.ColorScheme colorScheme, PrintWriter out, PrintWriter err) {
        this.self = helpCommandLine;
        this.colors = colorScheme;
        this.out = out;
    }

    @Override
    public void run() {
        CommandLine command = self.getParent();
        for (String name : path) {
            CommandLine sub = command.getSubcommands().get(name);
            if (sub == null) {
                throw new CommandLine.ParameterException(self, "Unknown command '" + name + "': `"
                        + command.getCommandSpec().qualifiedName() + " --help` lists the commands there.");
            }
            command = sub;
        }
        command.usage(out, colors);
    }
}
