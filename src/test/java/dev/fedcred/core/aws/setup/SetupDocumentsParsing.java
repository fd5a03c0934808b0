package dev.fedcred.core.aws.setup;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.TimeUnit;

/**
 * Reads generated documents back as their tools would: JSON with a plain Jackson parser, the
 * shell commands by bash itself (with {@code aws} a function that records its arguments), and
 * Terraform by a structural reading of HCL: strings closed, braces and brackets balanced outside
 * strings, no template sequence left unescaped, and the policy inside {@code jsonencode(...)}
 * parsing as JSON once HCL's {@code $${}/{@code %%{} escapes are undone.
 */
public final class SetupDocumentsParsing {
    static final ObjectMapper JSON = new ObjectMapper();

    private SetupDocumentsParsing() {
    }

    public static JsonNode json(String text) throws IOException {
        return JSON.readTree(text);
    }

    /** Each {@code aws ...} command the script runs, as the argument lists bash gives it. */
    public static List<List<String>> awsCommands(String script, Path dir) throws Exception {
        Path file = dir.resolve("setup-aws.sh");
        Files.writeString(file, script);
        Path args = dir.resolve("args");
        String runner = "aws() { printf '%s\\0' \"$@\" >> " + args + "; printf '\\n\\0' >> " + args + "; }\n"
                + "cd " + dir + " && . " + file;
        Process bash = new ProcessBuilder("bash", "-c", runner).redirectErrorStream(true).start();
        String output = new String(bash.getInputStream().readAllBytes(), StandardCharsets.UTF_8);
        assertThat(bash.waitFor(20, TimeUnit.SECONDS)).isTrue();
        assertThat(bash.exitValue()).as(output).isZero();
        assertThat(output).as("the script prints nothing of its own").isEmpty();
        List<List<String>> commands = new ArrayList<>();
        List<String> current = new ArrayList<>();
        for (String word : Files.readString(args).split("\0", -1)) {
            if (word.equals("\n")) {
                commands.add(current);
                current = new ArrayList<>();
            } else if (!word.isEmpty() || !current.isEmpty()) {
                current.add(word);
            }
        }
        return commands;
    }

    public static String argument(List<String> command, String option) {
        return command.get(command.indexOf(option) + 1);
    }

    /** The JSON inside the first {@code jsonencode(...)}, after checking the HCL's shape. */
    public static JsonNode terraformPolicy(String hcl) throws IOException {
        assertBalanced(hcl);
        String code = hcl.lines().filter(line -> !line.startsWith("#")).reduce("", (a, b) -> a + b + "\n");
        assertThat(code.replace("$${", "").replace("%%{", "")).as("templates left to evaluate")
                .doesNotContain("${").doesNotContain("%{");
        int start = hcl.indexOf("jsonencode(") + "jsonencode(".length();
        int end = hcl.indexOf(")\n", start);
        return JSON.readTree(hcl.substring(start, end).replace("$${", "${").replace("%%{", "%{"));
    }

    /** Strings closed on their line, braces, brackets and parentheses balanced outside them. */
    public static void assertBalanced(String hcl) {
        StringBuilder open = new StringBuilder();
        boolean inString = false;
        boolean comment = false;
        for (int i = 0; i < hcl.length(); i++) {
            char c = hcl.charAt(i);
            if (comment) {
                comment = c != '\n';
            } else if (inString) {
                assertThat(c).as("a string ends on its line").isNotEqualTo('\n');
                if (c == '\\') {
                    i++;
                } else if (c == '"') {
                    inString = false;
                }
            } else if (c == '#') {
                comment = true;
            } else if (c == '"') {
                inString = true;
            } else if ("{[(".indexOf(c) >= 0) {
                open.append(c);
            } else if ("}])".indexOf(c) >= 0) {
                assertThat(open).as("closing %s at %d", c, i).isNotEmpty();
                assertThat("{[(".indexOf(open.charAt(open.length() - 1))).isEqualTo("}])".indexOf(c));
                open.setLength(open.length() - 1);
            }
        }
        assertThat(inString).isFalse();
        assertThat(open).as("unclosed blocks").isEmpty();
    }
}
