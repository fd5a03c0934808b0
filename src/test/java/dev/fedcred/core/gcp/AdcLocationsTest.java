package dev.fedcred.core.gcp;

import static org.assertj.core.api.Assertions.assertThat;

import java.nio.file.Path;
import java.util.Map;
import org.junit.jupiter.api.Test;

class AdcLocationsTest {
    private static final Path HOME = Path.of("/home/fake");

    @Test
    void theTargetsOwnFileComesFirst() {
        AdcLocations locations = AdcLocations.fromEnvironment(
                Map.of("GOOGLE_APPLICATION_CREDENTIALS", "/elsewhere/adc.json"), HOME, false);
        Path own = Path.of("/work/own-adc.json");
        assertThat(locations.forTarget(GcpTestTargets.withAdc(GcpTestTargets.target(null), own))).isEqualTo(own);
    }

    @Test
    void thenGoogleApplicationCredentials() {
        AdcLocations locations = AdcLocations.fromEnvironment(
                Map.of("GOOGLE_APPLICATION_CREDENTIALS", "/elsewhere/adc.json", "CLOUDSDK_CONFIG", "/cfg"), HOME, false);
        assertThat(locations.forTarget(GcpTestTargets.target(null))).isEqualTo(Path.of("/elsewhere/adc.json"));
    }

    @Test
    void thenGcloudsConfigDirectory() {
        assertThat(AdcLocations.fromEnvironment(Map.of("CLOUDSDK_CONFIG", "/cfg"), HOME, false)
                .forTarget(GcpTestTargets.target(null))).isEqualTo(Path.of("/cfg/application_default_credentials.json"));
        assertThat(AdcLocations.fromEnvironment(Map.of("GOOGLE_APPLICATION_CREDENTIALS", " "), HOME, false)
                .forTarget(GcpTestTargets.target(null)))
                .isEqualTo(Path.of("/home/fake/.config/gcloud/application_default_credentials.json"));
    }

    @Test
    void onWindowsUnderAppData() {
        assertThat(AdcLocations.fromEnvironment(Map.of("APPDATA", "/fake/AppData/Roaming"), HOME, true)
                .forTarget(GcpTestTargets.target(null)))
                .isEqualTo(Path.of("/fake/AppData/Roaming/gcloud/application_default_credentials.json"));
        assertThat(AdcLocations.fromEnvironment(Map.of(), HOME, true).forTarget(GcpTestTargets.target(null)))
                .isEqualTo(HOME.resolve("AppData/Roaming/gcloud/application_default_credentials.json"));
    }
}
