package dev.fedcred.core.gcp.setup;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import dev.fedcred.core.Json;
import dev.fedcred.interop.PeerProgram;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.concurrent.TimeUnit;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * The generated GCP set-up read back by the tools it is for, with plain values and with claims
 * chosen to break quoting: the real gcloud (/usr/bin/gcloud) checks every flag of the commands
 * offline, then stops for want of an account; terraform (/usr/local/bin/terraform) formats the HCL
 * as fedcred wrote it and evaluates its strings to the claims. GcpSetupDocumentsTest checks the
 * same documents' structure in the plain suite, with no binary.
 */
class GcpSetupToolsInteropIT {
    private static final String TERRAFORM = "/usr/local/bin/terraform";

    @TempDir
    Path dir;

    @Test
    void theRealGcloudAcceptsEveryFlag() throws Exception {
        PeerProgram.gcloud();
        for (GcpSetupFacts facts : List.of(GcpSetupDocumentsTest.plain(), GcpSetupDocumentsTest.hostile())) {
            for (SetupDocument step : GcpSetup.gcloud(facts)) {
                String said = runGcloud(step.text());
                // gcloud parses and checks the flags first, then stops because no account is signed in
                assertThat(said).as(step.text()).contains("You do not currently have an active account selected")
                        .doesNotContain("unrecognized arguments", "argument --", "Invalid value");
            }
        }
    }

    private String runGcloud(String command) throws IOException, InterruptedException {
        Path config = Files.createTempDirectory(dir, "gcloud");
        ProcessBuilder builder = new ProcessBuilder("bash", "-c", command).directory(config.toFile()).redirectErrorStream(true);
        builder.environment().put("CLOUDSDK_CONFIG", config.toString());
        builder.environment().put("CLOUDSDK_CORE_DISABLE_PROMPTS", "1");
        Process gcloud = builder.start();
        String output = new String(gcloud.getInputStream().readAllBytes(), StandardCharsets.UTF_8);
        assertThat(gcloud.waitFor(120, TimeUnit.SECONDS)).isTrue();
        try (var files = Files.list(config)) {
            assertThat(files.map(p -> p.getFileName().toString())).noneMatch(name -> name.startsWith("pwned"));
        }
        return output;
    }

    @Test
    void theTerraformIsFormattedAsTerraformWritesItAndItsStringsMeanTheClaims() throws Exception {
        PeerProgram.require(TERRAFORM, "terraform comes with this machine image; it is no Debian, npm or Maven package");
        for (GcpSetupFacts facts : List.of(GcpSetupDocumentsTest.plain(), GcpSetupDocumentsTest.hostile())) {
            String hcl = GcpSetup.terraform(facts).text();
            assertThat(terraform(dir, hcl, "fmt", "-")).isEqualTo(hcl);
            Map<String, String> values = stringValues(hcl);
            assertThat(values).containsEntry("issuer_uri", facts.issuer())
                    .containsEntry("attribute_condition", GcpSetup.attributeCondition(facts))
                    .containsEntry("member", facts.member())
                    .containsEntry("workload_identity_pool_provider_id", "fedcred-google")
                    .containsEntry("service_account_id", "projects/my-project/serviceAccounts/" + facts.serviceAccount());
            assertThat(hcl).contains("allowed_audiences = [" + SetupQuoting.hcl(facts.audience()) + "]");
        }
    }

    /** Every one-line string attribute of {@code hcl}, evaluated by terraform itself (no provider needed). */
    private Map<String, String> stringValues(String hcl) throws Exception {
        StringBuilder outputs = new StringBuilder(hcl.substring(0, hcl.indexOf("resource")));
        Matcher attribute = Pattern.compile("(?m)^\\s+([a-z_]+)\\s+= (\".*\")$").matcher(hcl);
        while (attribute.find()) {
            outputs.append("output \"").append(attribute.group(1)).append("\" {\n  value = ").append(attribute.group(2))
                    .append("\n}\n");
        }
        Path config = Files.createTempDirectory(dir, "tf");
        Files.writeString(config.resolve("main.tf"), outputs.toString());
        terraform(config, null, "init", "-input=false");
        terraform(config, null, "apply", "-auto-approve", "-input=false");
        JsonNode json = Json.MAPPER.readTree(terraform(config, null, "output", "-json"));
        Map<String, String> values = new java.util.LinkedHashMap<>();
        json.fields().forEachRemaining(e -> values.put(e.getKey(), e.getValue().get("value").asText()));
        return values;
    }

    private static String terraform(Path workDir, String input, String... args) throws Exception {
        List<String> command = new ArrayList<>(List.of(TERRAFORM));
        command.addAll(List.of(args));
        ProcessBuilder builder = new ProcessBuilder(command).directory(workDir.toFile());
        builder.environment().put("TF_CLI_CONFIG_FILE", "/dev/null");
        builder.environment().put("CHECKPOINT_DISABLE", "1");
        builder.redirectError(ProcessBuilder.Redirect.DISCARD);
        Process terraform = builder.start();
        if (input != null) {
            terraform.getOutputStream().write(input.getBytes(StandardCharsets.UTF_8));
        }
        terraform.getOutputStream().close();
        String output = new String(terraform.getInputStream().readAllBytes(), StandardCharsets.UTF_8);
        assertThat(terraform.waitFor(60, TimeUnit.SECONDS)).isTrue();
        assertThat(terraform.exitValue()).as("terraform " + String.join(" ", args) + " on\n" + input).isZero();
        return output;
    }
}
