package dev.fedcred.core.agent;

import dev.fedcred.core.FedcredException;
import dev.fedcred.core.files.BoundedFiles;
import dev.fedcred.core.files.FileSizeLimit;
import dev.fedcred.core.files.SecureFiles;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;

/**
 * Installs and removes the background agent's definition: writes the file (0600, atomically; a file
 * there that fedcred did not write is left alone and refused), then loads and starts it when the
 * OS's service manager answers. Where it does not (no user systemd in a container, a session without
 * one), the file is still written and the result lists the commands to run by hand.
 */
public final class AgentInstaller {
    /** Runs the OS's commands; tests give their own. */
    public interface Commands {
        /** Whether {@code program} can be found (on PATH). */
        boolean available(String program);

        /** Runs {@code command}, returning its exit status. */
        int run(List<String> command);
    }

    /**
     * What install or uninstall did.
     *
     * @param done   whether every command ran and succeeded (the agent runs, or is gone)
     * @param byHand the commands still to run when not done
     */
    public record Result(boolean done, List<List<String>> byHand) {
    }

    private final AgentDefinition definition;
    private final Commands commands;

    public AgentInstaller(AgentDefinition definition, Commands commands) {
        this.definition = definition;
        this.commands = commands;
    }

    public AgentDefinition definition() {
        return definition;
    }

    /** Writes the definition and starts the agent where the service manager answers. */
    public Result install() {
        if (definition.file() != null) {
            requireOursOrAbsent(definition.file());
            SecureFiles.writeAtomically(definition.file(), definition.content().getBytes(StandardCharsets.UTF_8));
        }
        return runAll(definition.install());
    }

    /** Stops the agent, removes the file fedcred wrote, and unloads it. */
    public Result uninstall() {
        Path file = definition.file();
        if (file != null && !Files.exists(file)) {
            return new Result(true, List.of());
        }
        if (file != null) {
            requireOursOrAbsent(file);
        }
        // stopping fails harmlessly when it was never started; the file goes either way
        boolean managerAnswers = managerAnswers();
        if (managerAnswers) {
            definition.uninstallBefore().forEach(commands::run);
        }
        if (file != null) {
            try {
                Files.deleteIfExists(file);
            } catch (IOException e) {
                throw new FedcredException("Cannot remove " + file + ": " + e.getMessage() + "; remove it by hand.", e);
            }
        }
        if (!managerAnswers) {
            List<List<String>> byHand = new ArrayList<>(definition.uninstallBefore());
            byHand.addAll(definition.uninstallAfter());
            return new Result(false, byHand);
        }
        return runAll(definition.uninstallAfter());
    }

    /** Whether fedcred's definition file is there (always false where the OS keeps the definition). */
    public boolean installed() {
        return definition.file() != null && Files.exists(definition.file()) && writtenByFedcred(definition.file());
    }

    private Result runAll(List<List<String>> steps) {
        if (!managerAnswers()) {
            return new Result(false, steps);
        }
        for (int i = 0; i < steps.size(); i++) {
            if (commands.run(steps.get(i)) != 0) {
                return new Result(false, steps.subList(i, steps.size()));
            }
        }
        return new Result(true, List.of());
    }

    private boolean managerAnswers() {
        List<String> probe = definition.managerProbe();
        return probe != null && commands.available(probe.get(0)) && commands.run(probe) == 0;
    }

    private static void requireOursOrAbsent(Path file) {
        if (Files.exists(file) && !writtenByFedcred(file)) {
            throw new FedcredException(file + " exists and fedcred did not write it, so it is left as it is."
                    + " Move it away, then run the command again.");
        }
    }

    private static boolean writtenByFedcred(Path file) {
        try {
            return BoundedFiles.readString(file, FileSizeLimit.SETTINGS)
                    .contains(AgentDefinitions.MARKER);
        } catch (IOException e) {
            return false;
        }
    }
}
