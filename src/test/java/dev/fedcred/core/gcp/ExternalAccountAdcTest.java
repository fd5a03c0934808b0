package dev.fedcred.core.gcp;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import com.google.auth.oauth2.GoogleCredentials;
import com.google.auth.oauth2.IdentityPoolCredentials;
import dev.fedcred.core.Json;
import java.io.ByteArrayInputStream;
import java.nio.file.Path;
import org.junit.jupiter.api.Test;

class ExternalAccountAdcTest {
    private static final Path TOKEN_FILE = Path.of("/home/fake/.local/state/fedcred/gcp/google.id-token");

    @Test
    void anImpersonatingTargetGivesTheFullExternalAccountShape() {
        ObjectNode adc = ExternalAccountAdc.build(GcpTestTargets.target("ci@fake-project.iam.gserviceaccount.com"), TOKEN_FILE);
        assertThat(adc.path("type").asText()).isEqualTo("external_account");
        assertThat(adc.path("audience").asText()).isEqualTo(
                "//iam.googleapis.com/projects/123456789012/locations/global/workloadIdentityPools/fake-pool/providers/fake-provider");
        assertThat(adc.path("subject_token_type").asText()).isEqualTo("urn:ietf:params:oauth:token-type:jwt");
        assertThat(adc.path("token_url").asText()).isEqualTo("https://sts.googleapis.com/v1/token");
        assertThat(adc.path("service_account_impersonation_url").asText()).isEqualTo("https://iamcredentials.googleapis.com"
                + "/v1/projects/-/serviceAccounts/ci@fake-project.iam.gserviceaccount.com:generateAccessToken");
        assertThat(adc.path("service_account_impersonation").path("token_lifetime_seconds").asLong()).isEqualTo(3600);
        assertThat(adc.path("credential_source").path("file").asText()).isEqualTo(TOKEN_FILE.toString());
        assertThat(adc.path("credential_source").path("format").path("type").asText()).isEqualTo("text");
        assertThat(adc.path("fedcred").path("target").asText()).isEqualTo("gcp-dev");
    }

    @Test
    void withoutAServiceAccountTheFederatedTokenIsUsedDirectly() {
        ObjectNode adc = ExternalAccountAdc.build(GcpTestTargets.target(null), TOKEN_FILE);
        assertThat(adc.has("service_account_impersonation_url")).isFalse();
        assertThat(adc.has("service_account_impersonation")).isFalse();
    }

    @Test
    void googlesJavaLibraryReadsTheFileAndIgnoresFedcredsMarker() throws Exception {
        ObjectNode adc = ExternalAccountAdc.build(GcpTestTargets.target("ci@fake-project.iam.gserviceaccount.com"), TOKEN_FILE);
        GoogleCredentials credentials = GoogleCredentials.fromStream(
                new ByteArrayInputStream(Json.MAPPER.writeValueAsBytes(adc)));
        assertThat(credentials).isInstanceOf(IdentityPoolCredentials.class);
        IdentityPoolCredentials pool = (IdentityPoolCredentials) credentials;
        assertThat(pool.getAudience()).isEqualTo(adc.path("audience").asText());
        assertThat(pool.getServiceAccountEmail()).isEqualTo("ci@fake-project.iam.gserviceaccount.com");
    }

    @Test
    void recognisesOnlyItsOwnFiles() throws Exception {
        String ours = Json.MAPPER.writeValueAsString(ExternalAccountAdc.build(GcpTestTargets.target(null), TOKEN_FILE));
        assertThat(ExternalAccountAdc.managedBy(ours)).contains("gcp-dev");
        String userLogin = "{\"type\":\"authorized_user\",\"client_id\":\"fake\",\"refresh_token\":\"fake\"}";
        assertThat(ExternalAccountAdc.managedBy(userLogin)).isEmpty();
        assertThat(ExternalAccountAdc.managedBy("not json {")).isEmpty();
        JsonNode noTarget = Json.MAPPER.readTree("{\"fedcred\":{}}");
        assertThat(ExternalAccountAdc.managedBy(noTarget.toString())).isEmpty();
    }
}
