package dev.fedcred.cli;

import static org.assertj.core.api.Assertions.assertThat;

import dev.fedcred.FedcredContext;
import dev.fedcred.core.oidc.BrowserOpener;
import dev.fedcred.testing.CliRun;
import java.nio.file.Path;
import java.time.Clock;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import org.assertj.core.api.SoftAssertions;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import picocli.CommandLine;

/** Every command and group of the whole picocli tree answers --help, -h and `help PATH`, with whole-sentence summaries. */
class CommandHelpTest {
    @TempDir
    Path home;

    private FedcredContext context() {
        return new FedcredContext(Map.of("FEDCRED_HOME", home.toString()), Clock.systemUTC(), BrowserOpener.NONE);
    }

    /** Paths of every command below the root, e.g. [targets, add-aws]. */
    private List<List<String>> commandPaths() {
        List<List<String>> paths = new ArrayList<>();
        collect(new CommandLine(new FedcredCommand(), new ContextFactory(context())), List.of(), paths);
        return paths;
    }

    private static void collect(CommandLine command, List<String> path, List<List<String>> paths) {
        command.getSubcommands().forEach((name, sub) -> {
            if (!name.equals(sub.getCommandName())) {
                return; // an alias
            }
            List<String> subPath = new ArrayList<>(path);
            subPath.add(name);
            paths.add(subPath);
            collect(sub, subPath, paths);
        });
    }

    @Test
    void everyCommandAndGroupAnswersHelpWithItsOwnUsage() {
        List<List<String>> paths = commandPaths();
        assertThat(paths).contains(List.of("assume"), List.of("aws"), List.of("aws", "config-snippet"),
                List.of("targets", "add-aws"));
        SoftAssertions soft = new SoftAssertions();
        for (List<String> path : paths) {
            String usage = "Usage: fedcred " + String.join(" ", path);
            for (String flag : List.of("--help", "-h")) {
                List<String> args = new ArrayList<>(path);
                args.add(flag);
                CliRun run = CliRun.run(context(), args.toArray(String[]::new));
                soft.assertThat(run.exitCode()).as("fedcred %s exits 0; stderr: %s", args, run.err()).isZero();
                soft.assertThat(run.out()).as("fedcred %s", args).contains(usage);
            }
            List<String> helpArgs = new ArrayList<>(List.of("help"));
            helpArgs.addAll(path);
            CliRun help = CliRun.run(context(), helpArgs.toArray(String[]::new));
            soft.assertThat(help.exitCode()).as("fedcred %s exits 0; stderr: %s", helpArgs, help.err()).isZero();
            soft.assertThat(help.out()).as("fedcred %s", helpArgs).contains(usage);
        }
        soft.assertAll();
    }

    @Test
    void everySummaryIsAWholeSentenceShownWholeInItsParentsHelp() {
        SoftAssertions soft = new SoftAssertions();
        for (List<String> path : commandPaths()) {
            CommandLine root = new CommandLine(new FedcredCommand(), new ContextFactory(context()));
            CommandLine command = root;
            for (String name : path) {
                command = command.getSubcommands().get(name);
            }
            String[] description = command.getCommandSpec().usageMessage().description();
            soft.assertThat(description).as("fedcred %s has a description", path).isNotEmpty();
            if (description.length == 0) {
                continue;
            }
            String summary = description[0].strip();
            soft.assertThat(summary).as("summary of fedcred %s", path).matches("[A-Z`].*[.]");
            List<String> parentArgs = new ArrayList<>(path.subList(0, path.size() - 1));
            parentArgs.add("--help");
            String parentHelp = CliRun.run(context(), parentArgs.toArray(String[]::new)).out();
            soft.assertThat(squeezed(parentHelp)).as("the help of fedcred %s shows the summary of %s whole",
                    path.subList(0, path.size() - 1), path).contains(squeezed(summary));
        }
        soft.assertAll();
    }

    private static String squeezed(String text) {
        return text.replaceAll("\\s+", " ");
    }
}
