package dev.fedcred.core.agent;

import java.nio.file.Path;
import java.util.List;

/**
 * How one OS starts the background agent at log-in: the file fedcred writes (a systemd user unit, a
 * launchd agent; none for a Windows task), and the commands that load and start it, and stop and
 * unload it. Plain data, so the macOS and Windows forms are tested on Linux.
 *
 * @param file            the file fedcred writes, or null when the OS keeps the definition itself
 * @param content         that file's content, marked with {@link AgentDefinitions#MARKER}
 * @param managerProbe    a command that succeeds only when the OS's service manager answers, or null
 * @param install         the commands that load and start the agent, in order
 * @param uninstallBefore the commands that stop and unload it, before the file goes
 * @param uninstallAfter  the commands to run after the file went
 */
public record AgentDefinition(String platform, Path file, String content, List<String> managerProbe,
                              List<List<String>> install, List<List<String>> uninstallBefore,
                              List<List<String>> uninstallAfter) {

    public AgentDefinition {
        install = List.copyOf(install);
        uninstallBefore = List.copyOf(uninstallBefore);
        uninstallAfter = List.copyOf(uninstallAfter);
    }
}
