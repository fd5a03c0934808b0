package dev.fedcred.core.gcp.setup;

import static org.assertj.core.api.Assertions.assertThat;

import dev.fedcred.core.aws.setup.SetupDocumentsParsing;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.Map;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * The generated documents read back: bash for the commands, and the Terraform's structure and
 * strings decoded here, with no binary; GcpSetupToolsInteropIT has the real gcloud and terraform
 * read them. With plain values and with claims chosen to break quoting.
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

    static GcpSetupFacts plain() {
        return facts("https://accounts.google.com", CLIENT_ID, "110169484474386276334", "me@example.com", "my-project",
                false, GcpSetupFacts.Condition.EMAIL);
    }

    static GcpSetupFacts hostile() {
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
    void theTerraformIsBalancedAndItsStringsMeanTheClaims() {
        for (GcpSetupFacts facts : List.of(plain(), hostile())) {
            String hcl = GcpSetup.terraform(facts).text();
            SetupDocumentsParsing.assertBalanced(hcl);
            Map<String, String> raw = new java.util.LinkedHashMap<>();
            Matcher attribute = Pattern.compile("(?m)^\\s+([a-z_]+)\\s+= \"((?:[^\"\\\\]|\\\\.)*)\"$").matcher(hcl);
            while (attribute.find()) {
                raw.put(attribute.group(1), attribute.group(2));
            }
            // the one variable, project_id, has the project as its default
            Map<String, String> variables = Map.of("var.project_id", hclString(raw.get("default"), Map.of()));
            Map<String, String> values = new java.util.HashMap<>();
            raw.forEach((name, content) -> values.put(name, hclString(content, variables)));
            assertThat(values).containsEntry("issuer_uri", facts.issuer())
                    .containsEntry("attribute_condition", GcpSetup.attributeCondition(facts))
                    .containsEntry("member", facts.member())
                    .containsEntry("workload_identity_pool_provider_id", "fedcred-google")
                    .containsEntry("service_account_id", "projects/my-project/serviceAccounts/" + facts.serviceAccount());
        }
    }

    /**
     * A Terraform string's content as Terraform reads it: its escapes, $${ / %%{ for a literal ${ / %{,
     * and ${NAME} for one of {@code variables}; any other template is a failure.
     */
    private static String hclString(String content, Map<String, String> variables) {
        StringBuilder out = new StringBuilder();
        for (int i = 0; i < content.length(); i++) {
            char c = content.charAt(i);
            if (c == '\\') {
                char next = content.charAt(++i);
                switch (next) {
                    case 'n' -> out.append('\n');
                    case 'r' -> out.append('\r');
                    case 't' -> out.append('\t');
                    case 'u' -> {
                        out.append((char) Integer.parseInt(content.substring(i + 1, i + 5), 16));
                        i += 4;
                    }
                    default -> out.append(next);
                }
            } else if ((c == '$' || c == '%') && content.startsWith(c + "" + c + "{", i)) {
                out.append(c);
                i++;
            } else if (content.startsWith("${", i) && variables.containsKey(content.substring(i + 2, content.indexOf('}', i)))) {
                out.append(variables.get(content.substring(i + 2, content.indexOf('}', i))));
                i = content.indexOf('}', i);
            } else {
                assertThat(content.startsWith("${", i) || content.startsWith("%{", i)).as("a template opens in " + content).isFalse();
                out.append(c);
            }
        }
        return out.toString();
    }
}
