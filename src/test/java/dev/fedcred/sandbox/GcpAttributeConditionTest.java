package dev.fedcred.sandbox;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import com.fasterxml.jackson.databind.ObjectMapper;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** The CEL subset of provider conditions, the attribute mapping, and the provider config file. */
class GcpAttributeConditionTest {
    private static final Map<String, Object> CLAIMS = Map.of("sub", "s-1", "email", "o'brien@example.com", "hd", "example.com");

    private static boolean accepts(String condition, Map<String, String> attributes) {
        return GcpAttributeCondition.parse(condition).accepts(CLAIMS, attributes);
    }

    @Test
    void comparesClaimsAndMappedAttributes() {
        assertThat(accepts("assertion.email == 'o\\'brien@example.com'", Map.of())).isTrue();
        assertThat(accepts("assertion.email == \"o'brien@example.com\" && assertion.sub == 's-1'", Map.of())).isTrue();
        assertThat(accepts("assertion.email == 'someone@example.com'", Map.of())).isFalse();
        assertThat(accepts("attribute.team in ['ops', 'dev']", Map.of("team", "dev", "attribute.team", "dev"))).isTrue();
        assertThat(accepts("attribute.team in ['ops']", Map.of("attribute.team", "dev"))).isFalse();
        assertThat(accepts("google.subject == 's-1'", Map.of("google.subject", "s-1"))).isTrue();
        assertThat(accepts("assertion.missing == 'x'", Map.of())).isFalse();
    }

    @Test
    void refusesWhatItDoesNotEmulateAndSaysWhatItTakes() {
        for (String outside : List.of("assertion.email.endsWith('@example.com')", "assertion.sub != 'x'",
                "assertion.sub == 'x' || true", "true", "assertion.sub == 'x", "'x' == assertion.sub")) {
            assertThatThrownBy(() -> GcpAttributeCondition.parse(outside)).as(outside)
                    .isInstanceOf(IllegalArgumentException.class).hasMessageContaining("sandbox");
        }
        assertThatThrownBy(() -> new GcpProvider("1", "pool-1", "prov-1", "http://127.0.0.1:9", List.of(),
                Map.of("google.subject", "assertion.sub"), "assertion.sub.size() > 3"))
                .hasMessageContaining("CEL subset the sandbox emulates");
    }

    @Test
    void aMappingNeedsGoogleSubjectFromOneClaim() {
        assertThatThrownBy(() -> new GcpProvider("1", "pool-1", "prov-1", "http://127.0.0.1:9", List.of(),
                Map.of("attribute.email", "assertion.email"), null)).hasMessageContaining("google.subject");
        assertThatThrownBy(() -> new GcpProvider("1", "pool-1", "prov-1", "http://127.0.0.1:9", List.of(),
                Map.of("google.subject", "'x' + assertion.sub"), null)).hasMessageContaining("assertion.CLAIM");
        GcpProvider provider = new GcpProvider("1", "pool-1", "prov-1", "http://127.0.0.1:9", List.of(),
                Map.of("google.subject", "assertion.email"), "google.subject == 'o\\'brien@example.com'");
        assertThat(provider.mappedAttributes(CLAIMS)).containsEntry("google.subject", "o'brien@example.com");
        assertThat(provider.conditionAccepts(CLAIMS)).isTrue();
    }

    @Test
    void theConfigFileTakesGcloudsShapesAndNamesWhatIsWrong(@TempDir Path dir) throws Exception {
        Path file = dir.resolve("gcp.json");
        Files.writeString(file, """
                {"providers": [
                  {"name": "projects/42/locations/global/workloadIdentityPools/pool-1/providers/prov-1", "state": "ACTIVE",
                   "attributeMapping": {"google.subject": "assertion.sub"}, "attributeCondition": "assertion.sub == 's-1'",
                   "oidc": {"issuerUri": "http://127.0.0.1:9", "allowedAudiences": ["client-1"]}},
                  {"name": "projects/42/locations/global/workloadIdentityPools/pool-1/providers/gone", "state": "DELETED",
                   "oidc": {"issuerUri": "http://127.0.0.1:9"}}],
                 "serviceAccounts": [{"email": "robot-1@my-project.iam.gserviceaccount.com", "policy": {"bindings": [
                   {"role": "roles/viewer", "members": ["user:x@example.com"]},
                   {"role": "roles/iam.workloadIdentityUser", "members": ["principalSet://iam.googleapis.com/projects/42/locations/global/workloadIdentityPools/pool-1/*"]}]}}]}
                """);
        GcpConfigFile.Contents contents = GcpConfigFile.read(file);
        assertThat(contents.providers()).singleElement().satisfies(p -> {
            assertThat(p.resourceName()).endsWith("/providers/prov-1");
            assertThat(p.allowedAudiences()).containsExactly("client-1");
            assertThat(p.attributeCondition()).isEqualTo("assertion.sub == 's-1'");
        });
        assertThat(contents.serviceAccounts()).singleElement()
                .satisfies(a -> assertThat(a.workloadIdentityUsers()).singleElement().asString().startsWith("principalSet://"));
        Files.writeString(file, "{\"providers\": [{\"name\": \"pools/x\"}]}");
        assertThatThrownBy(() -> GcpConfigFile.read(file)).hasMessageContaining(file.toString()).hasMessageContaining("name");
        assertThatThrownBy(() -> GcpConfigFile.parse(new ObjectMapper().readTree("[]"))).hasMessageContaining("providers");
    }
}
