package dev.fedcred.core.gcp;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import com.fasterxml.jackson.databind.node.ObjectNode;
import dev.fedcred.core.FedcredException;
import dev.fedcred.core.Json;
import dev.fedcred.core.targets.TextEntry;
import dev.fedcred.testing.TestTargetKinds;
import java.nio.file.Path;
import java.util.Map;
import java.util.Optional;
import org.junit.jupiter.api.Test;

/**
 * The adc_source setting: read and written with the target's other keys, refused when misspelt, and
 * without it the executable source, except for an ADC file fedcred wrote with the file source.
 */
class AdcSourceSettingTest {
    private static final Map<String, String> REQUIRED = Map.of("project_number", "123456789012", "pool", "my-pool",
            "provider", "my-provider");

    private final GcpWorkloadKind kind = (GcpWorkloadKind) TestTargetKinds.withoutServices().byId(GcpWorkloadKind.ID).orElseThrow();

    private GcpWorkloadTarget read(Map<String, String> more) {
        Map<String, String> values = new java.util.HashMap<>(REQUIRED);
        values.putAll(more);
        return TextEntry.read(kind, "t", values);
    }

    @Test
    void theSettingIsReadAndWrittenAndAbsentWhenNotChosen() {
        GcpWorkloadTarget file = read(Map.of("adc_source", "file"));
        assertThat(file.adcSource()).isEqualTo(AdcSource.FILE);
        ObjectNode entry = Json.MAPPER.createObjectNode();
        kind.write(file, entry);
        assertThat(entry.path("adc_source").asText()).isEqualTo("file");

        GcpWorkloadTarget unchosen = read(Map.of());
        assertThat(unchosen.adcSource()).isNull();
        ObjectNode plain = Json.MAPPER.createObjectNode();
        kind.write(unchosen, plain);
        assertThat(plain.has("adc_source")).isFalse();
        assertThat(read(Map.of("adc_source", "Executable")).adcSource()).isEqualTo(AdcSource.EXECUTABLE);
        assertThat(kind.form().settings()).anySatisfy(setting -> assertThat(setting.field().key()).isEqualTo("adc_source"));
    }

    @Test
    void aMisspeltSourceIsRefusedNamingTheWordsThereAre() {
        assertThatThrownBy(() -> read(Map.of("adc_source", "agent"))).isInstanceOf(FedcredException.class)
                .hasMessageContaining("\"agent\" is not an ADC source; use executable or file");
    }

    @Test
    void withoutAChoiceTheExecutableUnlessFedcredsFileAlreadyHasTheFileSource() {
        GcpWorkloadTarget unchosen = read(Map.of());
        String fileSourced = ExternalAccountAdc.build(unchosen, Path.of("/state/gcp/x.id-token")).toString();
        String executable = ExternalAccountAdc.buildExecutable(unchosen, "/usr/bin/fedcred gcp subject-token t",
                Path.of("/state/gcp/x.executable-response.json")).toString();
        String usersOwn = "{\"type\": \"authorized_user\", \"credential_source\": {\"file\": \"/x\"}}";

        assertThat(GcpCredentialService.sourceFor(unchosen, Optional.empty())).isEqualTo(AdcSource.EXECUTABLE);
        assertThat(GcpCredentialService.sourceFor(unchosen, Optional.of(fileSourced))).isEqualTo(AdcSource.FILE);
        assertThat(GcpCredentialService.sourceFor(unchosen, Optional.of(executable))).isEqualTo(AdcSource.EXECUTABLE);
        assertThat(GcpCredentialService.sourceFor(unchosen, Optional.of(usersOwn))).isEqualTo(AdcSource.EXECUTABLE);
        assertThat(GcpCredentialService.sourceFor(unchosen.withAdcSource(AdcSource.EXECUTABLE), Optional.of(fileSourced)))
                .isEqualTo(AdcSource.EXECUTABLE);
        assertThat(GcpCredentialService.sourceFor(unchosen.withAdcSource(AdcSource.FILE), Optional.empty()))
                .isEqualTo(AdcSource.FILE);
    }
}
