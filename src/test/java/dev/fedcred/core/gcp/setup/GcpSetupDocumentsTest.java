package dev.fedcred.core.gcp.setup;

import static org.assertj.core.api.Assertions.assertThat;
import static org.junit.jupiter.api.Assumptions.assumeTrue;

import com.fasterxml.jackson.databind.JsonNode;
import dev.fedcred.core.Json;
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
 * The generated documents read back by the tools they are for: bash and the real gcloud for the
 * commands (gcloud checks every flag offline, then stops for want of an account), terraform for the
 * HCL. With plain values and with claims chosen to break quoting.
 */
class GcpSetupDocumentsTest {
    private static final String CLIENT_ID = "1234567890-abc.apps.googleusercontent.com";
    private static final String HOSTILE_AUDIENCE = "aud,with'comma$(touch pwned-aud)`id`";
    private static final String HOSTILE_ISSUER = "https://issuer.example/'$(touch pwned-iss)";

    @TempDir
    Path dir;

    private static GcpSetupFacts facts(String issuer, String audience, String subject, String email, String projectId,
                                       boolean wholePool, GcpSetupFacts.Condition condition) {
        return new GcpSetupFacts("123456789012", projectId, "fedcred-pool", "fedcred-google",
                "fedcred-user@my-project.iam.gserviceaccount.com", issuer, audience, subject, email, wholePool, condition);
    }

    private static GcpSetupFacts plain() {
        return facts("https://accounts.google.com", CLIENT_ID, "110169484474386276334", "me@example.com", "my-project",
                false, GcpSetupFacts.Condition.EMAIL);
    }

    private static GcpSetupFacts hostile() {
        return facts(HOSTILE_ISSUER, HOSTILE_AUDIENCE, GcpSetupSandboxLoopTest.HOSTILE_SUBJECT,
                GcpSetupSandboxLoopTest.HOSTILE_EMAIL, "my-project", false, GcpSetupFacts.Condition.EMAIL);
    }

    private List<List<String>> calls(GcpSetupFacts facts) throws Exception {
        StringBuilder script = new StringBuilder();
        GcpSetup.gcloud(facts).forEach(d -> script.append(d.text()).append('\n'));
        List<List<String>> calls = ShellReading.gcloudCalls(script.toString(), dir);
        try (var files = Files.list(dir)) {
            assertThat(files).as("nothing in the commands ran").isEmpty();
        }
        return calls;
    }

    @Test
    void theCommandsCarryTheUsersValuesFlagByFlag() throws Exception {
        List<List<String>> calls = calls(plain());
        assertThat(calls).hasSize(4);
        assertThat(calls.get(0)).containsExactly("services", "enable", "iam.googleapis.com", "iamcredentials.googleapis.com",
                "sts.googleapis.com", "--project=my-project");
        assertThat(calls.get(1)).containsExactly("iam", "workload-identity-pools", "create", "fedcred-pool",
                "--project=my-project", "--location=global");
        assertThat(calls.get(2)).containsExactly("iam", "workload-identity-pools", "providers", "create-oidc",
                "fedcred-google", "--project=my-project", "--location=global", "--workload-identity-pool=fedcred-pool",
                "--issuer-uri=https://accounts.google.com", "--allowed-audiences=" + CLIENT_ID,
                "--attribute-mapping=google.subject=assertion.sub,attribute.email=assertion.email",
                "--attribute-condition=assertion.email == 'me@example.com'");
        assertThat(calls.get(3)).containsExactly("iam", "service-accounts", "add-iam-policy-binding",
                "fedcred-user@my-project.iam.gserviceaccount.com", "--project=my-project",
                "--role=roles/iam.workloadIdentityUser", "--member=principal://iam.googleapis.com/projects/123456789012"
                        + "/locations/global/workloadIdentityPools/fedcred-pool/subject/110169484474386276334");
    }

    @Test
    void theProviderStepExplainsTheAudienceTrap() {
        SetupDocument provider = GcpSetup.gcloud(plain()).get(2);
        assertThat(String.join(" ", provider.notes())).contains(CLIENT_ID, "OAuth client ID as aud", "invalid_grant");
    }

    @Test
    void withoutAProjectIdTheCommandsLookItUpFromTheNumber() throws Exception {
        GcpSetupFacts facts = facts("https://accounts.google.com", CLIENT_ID, "1", null, null, true,
                GcpSetupFacts.Condition.NONE);
        assertThat(GcpSetup.gcloud(facts).get(0).text()).contains("gcloud projects describe 123456789012");
        List<List<String>> calls = calls(facts);
        assertThat(calls).allSatisfy(call -> assertThat(call).contains("--project=looked-up-project"));
        assertThat(calls.get(2)).contains("--attribute-mapping=google.subject=assertion.sub")
                .noneMatch(word -> word.startsWith("--attribute-condition"));
        assertThat(ShellReading.flag(calls.get(3), "--member")).isEqualTo("principalSet://iam.googleapis.com/projects/"
                + "123456789012/locations/global/workloadIdentityPools/fedcred-pool/*");
    }

    @Test
    void hostileClaimsComeBackAsExactlyThemselves() throws Exception {
        List<List<String>> calls = calls(hostile());
        List<String> provider = calls.get(2);
        assertThat(ShellReading.flag(provider, "--issuer-uri")).isEqualTo(HOSTILE_ISSUER);
        assertThat(GcloudApplied.gcloudList(ShellReading.flag(provider, "--allowed-audiences")))
                .containsExactly(HOSTILE_AUDIENCE);
        assertThat(ShellReading.flag(provider, "--attribute-condition")).isEqualTo("assertion.email == 'o\\'brien\""
                + "$(touch pwned-email)`touch pwned-tick`${x}%{y}\\\\,;@example.com'");
        assertThat(ShellReading.flag(calls.get(3), "--member")).endsWith("/subject/" + GcpSetupSandboxLoopTest.HOSTILE_SUBJECT);
    }

    @Test
    void theRealGcloudAcceptsEveryFlag() throws Exception {
        assumeTrue(Files.isExecutable(Path.of("/usr/bin/gcloud")), "gcloud is not installed at /usr/bin/gcloud");
        for (GcpSetupFacts facts : List.of(plain(), hostile())) {
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
        assumeTrue(Files.isExecutable(Path.of("/usr/local/bin/terraform")) || Files.isExecutable(Path.of("/usr/bin/terraform")),
                "terraform is not installed");
        for (GcpSetupFacts facts : List.of(plain(), hostile())) {
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
        List<String> command = new ArrayList<>(List.of("terraform"));
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
