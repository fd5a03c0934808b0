package dev.fedcred.core.gcp;

import dev.fedcred.core.builtin.SandboxTargets;

import dev.fedcred.core.settings.SandboxGcpEndpoints;
import dev.fedcred.core.settings.TargetRegistry;

import dev.fedcred.testing.TestTargetKinds;
import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import dev.fedcred.core.FedcredException;
import dev.fedcred.core.issuers.IssuerRegistry;
import dev.fedcred.core.settings.SettingsStore;
import java.net.URI;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.List;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** GCP targets: derived names, validation, the settings file and the built-in sandbox target. */
class GcpTargetTest {
    @TempDir
    Path home;

    private TargetRegistry registry() {
        return new TargetRegistry(new SettingsStore(home.resolve("settings.json"), TestTargetKinds.withoutServices()),
                TestTargetKinds.withoutServices(home), SandboxTargets.of(IssuerRegistry.sandbox(URI.create("http://127.0.0.1:9750")),
                SandboxGcpEndpoints.of(9751, home.resolve("sandbox"))));
    }

    private static GcpWorkloadTarget gcp(String project, String pool, String provider, String account, long lifetime,
                                         URI sts) {
        return new GcpWorkloadTarget("gcp-dev", project, pool, provider, account, null, Duration.ofSeconds(lifetime),
                null, null, sts, null, null);
    }

    private static GcpWorkloadTarget valid() {
        return gcp("123456789012", "my-pool", "my-provider", "ci@my-project.iam.gserviceaccount.com", 3600, null);
    }

    @Test
    void namesAreDerivedAsGoogleSpellsThem() {
        GcpWorkloadTarget target = valid();
        assertThat(target.audience()).isEqualTo(
                "//iam.googleapis.com/projects/123456789012/locations/global/workloadIdentityPools/my-pool/providers/my-provider");
        assertThat(target.principal("sub-1")).isEqualTo(
                "principal://iam.googleapis.com/projects/123456789012/locations/global/workloadIdentityPools/my-pool/subject/sub-1");
        assertThat(target.scopes()).containsExactly("https://www.googleapis.com/auth/cloud-platform");
        assertThat(target.impersonationUrl()).isEqualTo("https://iamcredentials.googleapis.com/v1/projects/-/serviceAccounts/"
                + "ci@my-project.iam.gserviceaccount.com:generateAccessToken");
        assertThat(gcp("1", "my-pool", "my-provider", null, 3600, null).impersonationUrl()).isNull();
    }

    @Test
    void validationSaysWhatIsWrong() {
        TestTargetKinds.validation(home).validate(valid());
        assertRefused(gcp("my-project", "my-pool", "my-provider", null, 3600, null), "project number");
        assertRefused(gcp("1", "My_Pool", "my-provider", null, 3600, null), "pool ID");
        assertRefused(gcp("1", "my-pool", "abc", null, 3600, null), "provider ID");
        assertRefused(gcp("1", "gcp-pool", "my-provider", null, 3600, null), "not starting with gcp-");
        assertRefused(gcp("1", "my-pool", "my-provider", "not-an-email", 3600, null), "service account email");
        assertRefused(gcp("1", "my-pool", "my-provider", null, 599, null), "600 to 43200");
        assertRefused(gcp("1", "my-pool", "my-provider", null, 43201, null), "600 to 43200");
        assertRefused(gcp("1", "my-pool", "my-provider", null, 3600, URI.create("http://127.0.0.1:9751/v1/token")),
                "must be an https URL");
        TestTargetKinds.validation(home).validate(gcp("1", "my-pool", "my-provider", "x@y", 43200,
                URI.create("https://127.0.0.1:9751/v1/token")));
    }

    private void assertRefused(GcpWorkloadTarget target, String message) {
        assertThatThrownBy(() -> TestTargetKinds.validation(home).validate(target)).isInstanceOf(FedcredException.class)
                .hasMessageContaining(message);
    }

    @Test
    void everySettingSurvivesTheSettingsFile() throws Exception {
        GcpWorkloadTarget full = new GcpWorkloadTarget("gcp-prod", "123456789012", "my-pool", "my-provider",
                "ci@my-project.iam.gserviceaccount.com", List.of("https://www.googleapis.com/auth/devstorage.read_only"),
                Duration.ofHours(2), home.resolve("adc.json"), "google", URI.create("https://sts.example.test/v1/token"),
                URI.create("https://iam.example.test/v1/"), home.resolve("ca.pem"));
        registry().add(full);
        assertThat(registry().resolve("gcp-prod")).isEqualTo(full);
        assertThat(Files.readString(home.resolve("settings.json"))).contains("\"kind\" : \"gcp\"");

        GcpWorkloadTarget minimal = gcp("1", "my-pool", "my-provider", null, 3600, null);
        registry().add(minimal);
        assertThat(registry().resolve("gcp-dev")).isEqualTo(minimal);
    }

    @Test
    void theSandboxTargetIsBuiltIn() {
        GcpWorkloadTarget sandbox = (GcpWorkloadTarget) registry().resolve("sandbox-gcp");
        assertThat(sandbox.issuer()).isEqualTo("sandbox");
        assertThat(sandbox.audience()).isEqualTo("//iam.googleapis.com/projects/000000000000/locations/global/"
                + "workloadIdentityPools/fedcred-sandbox-pool/providers/fedcred-sandbox-provider");
        assertThat(sandbox.serviceAccount()).isEqualTo("fedcred-sandbox@fedcred-sandbox.iam.gserviceaccount.com");
        assertThat(sandbox.stsEndpoint()).hasToString("https://127.0.0.1:9751/v1/token");
        assertThat(sandbox.iamCredentialsEndpoint()).hasToString("https://127.0.0.1:9751/v1/");
        assertThat(sandbox.trustedCaFile()).isEqualTo(home.resolve("sandbox/gcp-ca.pem"));
        assertThat(sandbox.adcFile()).as("never the user's own ADC file")
                .isEqualTo(home.resolve("sandbox/gcp-application_default_credentials.json"));
        TestTargetKinds.validation(home).validate(sandbox);
    }
}
