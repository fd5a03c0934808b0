package dev.fedcred.agent;

import static org.assertj.core.api.Assertions.assertThat;

import dev.fedcred.core.agent.AgentDefinition;
import dev.fedcred.core.agent.AgentDefinitions;
import java.io.ByteArrayInputStream;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import javax.xml.parsers.DocumentBuilderFactory;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.w3c.dom.Document;
import org.w3c.dom.Element;
import org.w3c.dom.NodeList;

/**
 * The agent's definitions for systemd, launchd and Task Scheduler as data: only Linux runs here, so
 * the plist is parsed as XML and the Windows commands are checked word by word. systemd's own
 * {@code systemd-analyze verify} reads the unit in the interop profile ({@code SystemdUnitInteropIT}).
 */
class AgentDefinitionsTest {
    private static final String JAVA = Path.of(System.getProperty("java.home"), "bin", "java").toString();

    @TempDir
    Path dir;

    @Test
    void theSystemdUnitRunsTheAgentWithTheUsersFilesAndRestartsOnFailure() {
        AgentDefinition unit = AgentDefinitions.systemd(dir, List.of(JAVA, "-jar", "/opt/my apps/fedcred.jar", "agent", "run"),
                Map.of("FEDCRED_HOME", "/home/u/100% $HOME"));

        assertThat(unit.file()).isEqualTo(dir.resolve("systemd/user/fedcred-agent.service"));
        assertThat(unit.content()).startsWith("# " + AgentDefinitions.MARKER + "\n")
                .contains("\nExecStart=\"" + JAVA + "\" \"-jar\" \"/opt/my apps/fedcred.jar\" \"agent\" \"run\"\n")
                // systemd would otherwise expand %-specifiers (and $VARIABLES on the command line)
                .contains("\nEnvironment=\"FEDCRED_HOME=/home/u/100%% $HOME\"\n")
                .contains("\nRestart=on-failure\n").contains("\nSuccessExitStatus=143\n").contains("\nStartLimitBurst=5\n")
                .contains("\n[Install]\nWantedBy=default.target\n");
        assertThat(unit.managerProbe()).containsExactly("systemctl", "--user", "show-environment");
        assertThat(unit.install()).containsExactly(List.of("systemctl", "--user", "daemon-reload"),
                List.of("systemctl", "--user", "enable", "--now", "fedcred-agent.service"));
        assertThat(unit.uninstallBefore()).containsExactly(List.of("systemctl", "--user", "disable", "--now",
                "fedcred-agent.service"));
        assertThat(unit.uninstallAfter()).containsExactly(List.of("systemctl", "--user", "daemon-reload"));
    }

    @Test
    void theLaunchdAgentIsAPlistWithTheCommandAndVariablesAsItsOwnWords() throws Exception {
        Map<String, String> env = new LinkedHashMap<>();
        env.put("FEDCRED_HOME", "/Users/u/a & <b>");
        AgentDefinition agent = AgentDefinitions.launchd(Path.of("/Users/u"), 501,
                List.of("/Applications/fedcred.app/Contents/MacOS/fedcred-cli", "agent", "run"), env);

        assertThat(agent.file()).isEqualTo(Path.of("/Users/u/Library/LaunchAgents/dev.fedcred.agent.plist"));
        assertThat(agent.content()).contains("<!-- " + AgentDefinitions.MARKER + " -->");
        Element dict = (Element) parse(agent.content()).getDocumentElement().getElementsByTagName("dict").item(0);
        Map<String, Element> values = keyed(dict);
        assertThat(values.get("Label").getTextContent()).isEqualTo("dev.fedcred.agent");
        assertThat(strings(values.get("ProgramArguments")))
                .containsExactly("/Applications/fedcred.app/Contents/MacOS/fedcred-cli", "agent", "run");
        assertThat(keyed(values.get("EnvironmentVariables")).get("FEDCRED_HOME").getTextContent()).isEqualTo("/Users/u/a & <b>");
        assertThat(values.get("RunAtLoad").getTagName()).isEqualTo("true");
        assertThat(keyed(values.get("KeepAlive")).get("SuccessfulExit").getTagName()).isEqualTo("false");
        assertThat(agent.install()).containsExactly(List.of("launchctl", "bootstrap", "gui/501",
                "/Users/u/Library/LaunchAgents/dev.fedcred.agent.plist"));
        assertThat(agent.uninstallBefore()).containsExactly(List.of("launchctl", "bootout", "gui/501/dev.fedcred.agent"));
    }

    @Test
    void theWindowsTaskRunsAtLogOnWithTheUsersRightsAndNeverReplacesAnotherTask() {
        AgentDefinition task = AgentDefinitions.windowsTask(List.of("C:\\Program Files\\fedcred\\fedcred-cli.exe", "agent", "run"));

        assertThat(task.file()).isNull();
        assertThat(task.install()).containsExactly(
                List.of("schtasks", "/Create", "/TN", "fedcred-agent", "/TR",
                        "\"C:\\Program Files\\fedcred\\fedcred-cli.exe\" agent run", "/SC", "ONLOGON", "/RL", "LIMITED"),
                List.of("schtasks", "/Run", "/TN", "fedcred-agent"));
        assertThat(task.install().get(0)).doesNotContain("/F");
        assertThat(task.uninstallBefore()).containsExactly(List.of("schtasks", "/End", "/TN", "fedcred-agent"),
                List.of("schtasks", "/Delete", "/TN", "fedcred-agent", "/F"));
    }

    @Test
    void theSystemIsChosenByItsNameAndTheUnitFollowsXdgConfigHome() {
        Map<String, String> env = Map.of("HOME", dir.toString(), "XDG_CONFIG_HOME", dir.resolve("cfg").toString(),
                "AWS_CONFIG_FILE", "/a/config", "UNRELATED", "x");
        AgentDefinition linux = AgentDefinitions.forSystem("Linux", env, List.of("fedcred", "agent", "run"));
        assertThat(linux.file()).isEqualTo(dir.resolve("cfg/systemd/user/fedcred-agent.service"));
        assertThat(linux.content()).contains("Environment=\"AWS_CONFIG_FILE=/a/config\"").doesNotContain("UNRELATED");
        assertThat(AgentDefinitions.forSystem("Mac OS X", env, List.of("fedcred")).platform()).isEqualTo("launchd");
        assertThat(AgentDefinitions.forSystem("Windows 11", env, List.of("fedcred")).platform()).isEqualTo("Task Scheduler");
    }

    private static Document parse(String xml) throws Exception {
        DocumentBuilderFactory factory = DocumentBuilderFactory.newInstance();
        // the DOCTYPE names Apple's DTD: parse without fetching it
        factory.setFeature("http://apache.org/xml/features/nonvalidating/load-external-dtd", false);
        return factory.newDocumentBuilder().parse(new ByteArrayInputStream(xml.getBytes(StandardCharsets.UTF_8)));
    }

    /** A plist dict's values by key. */
    private static Map<String, Element> keyed(Element dict) {
        Map<String, Element> values = new LinkedHashMap<>();
        List<Element> children = elements(dict.getChildNodes());
        for (int i = 0; i + 1 < children.size(); i += 2) {
            values.put(children.get(i).getTextContent(), children.get(i + 1));
        }
        return values;
    }

    private static List<String> strings(Element array) {
        return elements(array.getChildNodes()).stream().map(Element::getTextContent).toList();
    }

    private static List<Element> elements(NodeList nodes) {
        List<Element> elements = new ArrayList<>();
        for (int i = 0; i < nodes.getLength(); i++) {
            if (nodes.item(i) instanceof Element element) {
                elements.add(element);
            }
        }
        return elements;
    }
}
