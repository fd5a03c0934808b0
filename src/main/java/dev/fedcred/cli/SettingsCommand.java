package dev.fedcred.cli;

import dev.fedcred.FedcredContext;
import dev.fedcred.core.settings.Appearance;
import java.util.Arrays;
import java.util.stream.Collectors;
import picocli.CommandLine;
import picocli.CommandLine.Command;
import picocli.CommandLine.Parameters;
import picocli.CommandLine.Spec;
import picocli.CommandLine.Model.CommandSpec;

@Command(name = "settings", description = "Preferences of the desktop app.",
        subcommands = {SettingsCommand.AppearanceSetting.class})
final class SettingsCommand implements Runnable {
    @Spec
    CommandSpec spec;

    @Override
    public void run() {
        spec.commandLine().usage(spec.commandLine().getOut());
    }

    @Command(name = "appearance", description = {
            "Show the desktop window's appearance, or set it: system (follow the operating system), light or dark.",
            "A running app uses it from its next start, or at once from its Preferences."})
    static final class AppearanceSetting implements Runnable {
        @Spec
        CommandSpec spec;

        @Parameters(index = "0", arity = "0..1", paramLabel = "system|light|dark")
        String word;

        private final FedcredContext context;

        AppearanceSetting(FedcredContext context) {
            this.context = context;
        }

        @Override
        public void run() {
            if (word == null) {
                Terminal.out(spec).println(context.settings().load().appearance().word());
                return;
            }
            Appearance chosen = Appearance.fromWord(word).orElseThrow(() -> new CommandLine.ParameterException(
                    spec.commandLine(), "Unknown appearance \"" + word + "\": use one of "
                    + Arrays.stream(Appearance.values()).map(Appearance::word).collect(Collectors.joining(", ")) + "."));
            context.settings().update(settings -> settings.withAppearance(chosen));
            Terminal.out(spec).println("Appearance: " + chosen.word() + ".");
        }
    }
}
