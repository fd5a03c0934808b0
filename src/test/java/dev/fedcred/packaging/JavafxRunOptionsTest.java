package dev.fedcred.packaging;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.TimeUnit;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import javax.xml.parsers.DocumentBuilderFactory;
import org.junit.jupiter.api.Test;
import org.w3c.dom.Element;
import org.w3c.dom.NodeList;

/**
 * {@code mvn javafx:run}, the README's run command, starts the app with the installed app's JVM
 * options from packaging/jvm-options, the one file jpackage and bench/run-all read too: the JVM
 * options the pom gives the javafx-maven-plugin, run by this JDK, set each heap, stack, GC and
 * compiler flag of that file.
 */
class JavafxRunOptionsTest {
    private static final Path BASEDIR = Path.of(System.getProperty("user.dir"));
    private static final Pattern FLAG = Pattern.compile("^\\s*\\S+\\s+(\\w+)\\s+=\\s+(\\S+).*\\{(.*)}\\s*$");

    @Test
    void javafxRunStartsTheJvmWithEveryOptionOfPackagingJvmOptions() throws Exception {
        List<String> options = javafxRunOptions();
        assertThat(options).as("the pom's javafx-maven-plugin options").isNotEmpty();

        List<String> command = new ArrayList<>(List.of(Path.of(System.getProperty("java.home"), "bin", "java").toString()));
        command.addAll(options);
        command.addAll(List.of("-XX:+PrintFlagsFinal", "-version"));
        String flags = run(command);

        List<String> fileOptions = Files.readAllLines(BASEDIR.resolve("packaging/jvm-options"), StandardCharsets.UTF_8)
                .stream().map(String::strip).filter(line -> !line.isEmpty() && !line.startsWith("#")).toList();
        assertThat(fileOptions).contains("-XX:+UseSerialGC").anyMatch(option -> option.startsWith("-Xmx"));
        for (String option : fileOptions) {
            String name = flagName(option);
            if (name != null && flags.contains(" " + name + " ")) {
                assertThat(origin(flags, name)).as(option).contains("command line");
            }
        }
        assertThat(origin(flags, "MaxHeapSize")).contains("command line");
        assertThat(value(flags, "MaxHeapSize")).isEqualTo(String.valueOf(bytes(
                fileOptions.stream().filter(option -> option.startsWith("-Xmx")).findFirst().orElseThrow().substring(4))));
    }

    /** The JVM flag an option sets: -XX:+Name, -XX:Name=value, -Xmx (MaxHeapSize), -Xss (ThreadStackSize). */
    private static String flagName(String option) {
        if (option.startsWith("-Xmx")) {
            return "MaxHeapSize";
        }
        if (option.startsWith("-Xss")) {
            return "ThreadStackSize";
        }
        Matcher xx = Pattern.compile("^-XX:[+-]?(\\w+)(=.*)?$").matcher(option);
        return xx.matches() ? xx.group(1) : null;
    }

    private static String origin(String flags, String name) {
        return line(flags, name).group(3);
    }

    private static String value(String flags, String name) {
        return line(flags, name).group(2);
    }

    private static Matcher line(String flags, String name) {
        for (String line : flags.split("\n")) {
            Matcher matcher = FLAG.matcher(line);
            if (matcher.matches() && matcher.group(1).equals(name)) {
                return matcher;
            }
        }
        throw new AssertionError("-XX:+PrintFlagsFinal shows no " + name);
    }

    private static long bytes(String size) {
        long number = Long.parseLong(size.replaceAll("[kKmMgG]$", ""));
        return switch (Character.toLowerCase(size.charAt(size.length() - 1))) {
            case 'k' -> number << 10;
            case 'm' -> number << 20;
            case 'g' -> number << 30;
            default -> number;
        };
    }

    private static List<String> javafxRunOptions() throws Exception {
        Element project = DocumentBuilderFactory.newInstance().newDocumentBuilder()
                .parse(BASEDIR.resolve("pom.xml").toFile()).getDocumentElement();
        NodeList plugins = project.getElementsByTagName("plugin");
        for (int i = 0; i < plugins.getLength(); i++) {
            Element plugin = (Element) plugins.item(i);
            if ("javafx-maven-plugin".equals(plugin.getElementsByTagName("artifactId").item(0).getTextContent().strip())) {
                NodeList option = plugin.getElementsByTagName("option");
                List<String> options = new ArrayList<>();
                for (int j = 0; j < option.getLength(); j++) {
                    options.add(option.item(j).getTextContent().strip().replace("${project.basedir}", BASEDIR.toString()));
                }
                return options;
            }
        }
        throw new AssertionError("pom.xml has no javafx-maven-plugin");
    }

    private static String run(List<String> command) throws IOException, InterruptedException {
        Process process = new ProcessBuilder(command).redirectErrorStream(true).start();
        String output = new String(process.getInputStream().readAllBytes(), StandardCharsets.UTF_8);
        assertThat(process.waitFor(60, TimeUnit.SECONDS)).isTrue();
        assertThat(process.exitValue()).as(output).isZero();
        return output;
    }
}
