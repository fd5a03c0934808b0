package dev.fedcred.core.agent;

import dev.fedcred.core.UserHome;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.stream.Collectors;

/**
 * The background agent's definition for systemd (Linux), launchd (macOS) and Task Scheduler
 * (Windows). The agent runs {@code COMMAND agent run}, COMMAND being the fedcred the user installed
 * (as {@code aws install-profile} names it for credential_process), with the variables that say
 * where fedcred's and the clouds' files are, so that it renews the very files this fedcred writes.
 */
public final class AgentDefinitions {
    /** The first line of every file fedcred writes for the agent: only a file with it is replaced or removed. */
    public static final String MARKER = "Written by `fedcred agent install`; `fedcred agent uninstall` removes it.";
    public static final String SYSTEMD_UNIT = "fedcred-agent.service";
    public static final String LAUNCHD_LABEL = "dev.fedcred.agent";
    public static final String WINDOWS_TASK = "fedcred-agent";

    /** Variables that move fedcred's files or the files it writes; the agent must see the same. */
    static final List<String> PASSED_VARIABLES = List.of("FEDCRED_HOME", "XDG_CONFIG_HOME", "XDG_STATE_HOME",
            "AWS_SHARED_CREDENTIALS_FILE", "AWS_CONFIG_FILE", "GOOGLE_APPLICATION_CREDENTIALS", "CLOUDSDK_CONFIG",
            "FEDCRED_SANDBOX_PORT", "FEDCRED_SANDBOX_GCP_PORT");

    private AgentDefinitions() {
    }

    /** The definition for the OS named {@code osName} ({@code os.name}). */
    public static AgentDefinition forSystem(String osName, Map<String, String> env, List<String> command) {
        String os = osName.toLowerCase(Locale.ROOT);
        Map<String, String> passed = passed(env);
        if (os.contains("win")) {
            return windowsTask(command);
        }
        Path home = UserHome.from(env);
        if (os.contains("mac")) {
            return launchd(home, uidOwning(home), command, passed);
        }
        String xdgConfig = env.get("XDG_CONFIG_HOME");
        Path configHome = xdgConfig == null || xdgConfig.isBlank() ? home.resolve(".config") : Path.of(xdgConfig);
        return systemd(configHome, command, passed);
    }

    /** The user id launchctl's gui domain names: the home directory's owner, which is the user. */
    private static long uidOwning(Path home) {
        try {
            return ((Number) java.nio.file.Files.getAttribute(home, "unix:uid")).longValue();
        } catch (java.io.IOException | UnsupportedOperationException | IllegalArgumentException e) {
            throw new dev.fedcred.core.FedcredException("Cannot tell the user id from " + home + ": " + e.getMessage()
                    + "; run `launchctl bootstrap gui/$(id -u) ~/Library/LaunchAgents/" + LAUNCHD_LABEL
                    + ".plist` after installing.", e);
        }
    }

    static Map<String, String> passed(Map<String, String> env) {
        Map<String, String> passed = new LinkedHashMap<>();
        for (String name : PASSED_VARIABLES) {
            String value = env.get(name);
            if (value != null && !value.isBlank()) {
                passed.put(name, value);
            }
        }
        return passed;
    }

    /** A systemd user unit, restarted when it fails; SIGTERM's exit status 143 counts as a clean stop. */
    public static AgentDefinition systemd(Path configHome, List<String> command, Map<String, String> env) {
        StringBuilder unit = new StringBuilder()
                .append("# ").append(MARKER).append('\n')
                .append("[Unit]\n")
                .append("Description=fedcred background agent: renews credentials before they expire\n")
                // a fedcred that was uninstalled or moved fails at once: give up after five tries
                .append("StartLimitIntervalSec=300\n")
                .append("StartLimitBurst=5\n\n")
                .append("[Service]\n")
                .append("Type=simple\n")
                .append("ExecStart=").append(command.stream().map(AgentDefinitions::systemdWord)
                        .collect(Collectors.joining(" "))).append('\n');
        env.forEach((name, value) -> unit.append("Environment=").append(systemdQuoted(name + "=" + value)).append('\n'));
        unit.append("Restart=on-failure\n")
                .append("RestartSec=10\n")
                .append("SuccessExitStatus=143\n\n")
                .append("[Install]\n")
                .append("WantedBy=default.target\n");
        List<String> systemctl = List.of("systemctl", "--user");
        return new AgentDefinition("systemd", configHome.resolve("systemd/user").resolve(SYSTEMD_UNIT), unit.toString(),
                plus(systemctl, "show-environment"),
                List.of(plus(systemctl, "daemon-reload"), plus(systemctl, "enable", "--now", SYSTEMD_UNIT)),
                List.of(plus(systemctl, "disable", "--now", SYSTEMD_UNIT)),
                List.of(plus(systemctl, "daemon-reload")));
    }

    /** A launchd agent started at log-in and kept alive when it fails. */
    public static AgentDefinition launchd(Path home, long uid, List<String> command, Map<String, String> env) {
        Path plist = home.resolve("Library/LaunchAgents").resolve(LAUNCHD_LABEL + ".plist");
        StringBuilder xml = new StringBuilder()
                .append("<?xml version=\"1.0\" encoding=\"UTF-8\"?>\n")
                .append("<!DOCTYPE plist PUBLIC \"-//Apple//DTD PLIST 1.0//EN\" \"http://www.apple.com/DTDs/PropertyList-1.0.dtd\">\n")
                .append("<!-- ").append(MARKER).append(" -->\n")
                .append("<plist version=\"1.0\">\n<dict>\n")
                .append("  <key>Label</key>\n  <string>").append(LAUNCHD_LABEL).append("</string>\n")
                .append("  <key>ProgramArguments</key>\n  <array>\n");
        command.forEach(word -> xml.append("    <string>").append(xmlText(word)).append("</string>\n"));
        xml.append("  </array>\n");
        if (!env.isEmpty()) {
            xml.append("  <key>EnvironmentVariables</key>\n  <dict>\n");
            env.forEach((name, value) -> xml.append("    <key>").append(xmlText(name)).append("</key>\n    <string>")
                    .append(xmlText(value)).append("</string>\n"));
            xml.append("  </dict>\n");
        }
        xml.append("  <key>RunAtLoad</key>\n  <true/>\n")
                .append("  <key>KeepAlive</key>\n  <dict>\n    <key>SuccessfulExit</key>\n    <false/>\n  </dict>\n")
                .append("  <key>ProcessType</key>\n  <string>Background</string>\n")
                .append("</dict>\n</plist>\n");
        String domain = "gui/" + uid;
        return new AgentDefinition("launchd", plist, xml.toString(), List.of("launchctl", "print", domain),
                List.of(List.of("launchctl", "bootstrap", domain, plist.toString())),
                List.of(List.of("launchctl", "bootout", domain + "/" + LAUNCHD_LABEL)),
                List.of());
    }

    /**
     * A Task Scheduler task run at log-on with the user's rights. Windows keeps the task itself, so
     * there is no file; {@code /Create} without {@code /F} never replaces a task of the same name.
     */
    public static AgentDefinition windowsTask(List<String> command) {
        String taskRun = command.stream().map(AgentDefinitions::windowsWord).collect(Collectors.joining(" "));
        return new AgentDefinition("Task Scheduler", null, null, List.of("schtasks", "/Query", "/FO", "LIST"),
                List.of(List.of("schtasks", "/Create", "/TN", WINDOWS_TASK, "/TR", taskRun, "/SC", "ONLOGON", "/RL", "LIMITED"),
                        List.of("schtasks", "/Run", "/TN", WINDOWS_TASK)),
                List.of(List.of("schtasks", "/End", "/TN", WINDOWS_TASK),
                        List.of("schtasks", "/Delete", "/TN", WINDOWS_TASK, "/F")),
                List.of());
    }

    /** One word of a systemd command line or assignment: quoted, with its specifiers and variables kept literal. */
    static String systemdWord(String word) {
        return systemdQuoted(word.replace("$", "$$"));
    }

    /** Quoted for systemd, specifiers kept literal; an assignment ({@code Environment=}) expands no variables. */
    static String systemdQuoted(String text) {
        return "\"" + text.replace("\\", "\\\\").replace("\"", "\\\"").replace("%", "%%") + "\"";
    }

    private static String windowsWord(String word) {
        return word.matches("[\\w@+=:,./\\\\-]+") ? word : "\"" + word.replace("\"", "\\\"") + "\"";
    }

    private static String xmlText(String text) {
        return text.replace("&", "&amp;").replace("<", "&lt;").replace(">", "&gt;");
    }

    private static List<String> plus(List<String> head, String... tail) {
        List<String> words = new ArrayList<>(head);
        words.addAll(List.of(tail));
        return List.copyOf(words);
    }
}
