package dev.fedcred.core.gcp;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.catchThrowableOfType;

import dev.fedcred.core.aws.profiles.AwsFileLocations;
import dev.fedcred.core.targets.NotWrittenByFedcredException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Map;
import java.time.Clock;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * The window's row for a GCP target: how its ADC file gets ID tokens, and the replace question for an
 * ADC file in the way (only for a file fedcred did not write at all).
 */
class GcpWorkloadRowTest {
    @TempDir
    Path home;

    private final AdcFileWriter writer = new AdcFileWriter();
    private final GcpWorkloadKind kind = new GcpWorkloadKind(() -> {
        throw new IllegalStateException("no service: the question reads only the file");
    }, new AwsFileLocations(Path.of("unused", "credentials"), Path.of("unused", "config")),
            AdcLocations.fromEnvironment(Map.of(), Path.of("unused")), Clock.systemUTC());

    private Path adc() {
        return home.resolve("adc.json");
    }

    @Test
    void aFileFedcredDidNotWriteIsWorthAskingAbout() throws Exception {
        Files.writeString(adc(), "{\"type\":\"authorized_user\"}\n");
        GcpWorkloadTarget target = GcpTestTargets.target(null);

        NotWrittenByFedcredException refusal = refusalWriting(target);
        assertThat(refusal.file()).isEqualTo(adc());
        var question = kind.replaceQuestion(target, refusal).orElseThrow();
        assertThat(question.question().title()).isEqualTo("Replace Google ADC");
        assertThat(question.question().text()).isEqualTo("The file " + adc() + " was not written by fedcred. Replace"
                + " it? fedcred keeps a backup and restores it when you remove its credentials.");
        assertThat(question.keptNotice()).isEqualTo("Kept your file " + adc() + "; fedcred wrote nothing.");
    }

    @Test
    void aFileFedcredWroteForAnotherTargetIsNotAskedAbout() {
        GcpWorkloadTarget written = GcpTestTargets.target(null);
        writer.write(adc(), written.name(), ExternalAccountAdc.build(written, home.resolve("id-token")), false);

        NotWrittenByFedcredException refusal = catchThrowableOfType(() -> writer.remove(adc(), "gcp-other"),
                NotWrittenByFedcredException.class);
        assertThat(refusal).hasMessageContaining("was last written for the target " + written.name());
        assertThat(refusal.file()).isEqualTo(adc());
        assertThat(kind.replaceQuestion(written, refusal)).isEmpty();
    }

    @Test
    void theRowSaysHowTheAdcFileGetsItsIdTokensAndWhatTheExecutableSourceNeeds() {
        GcpWorkloadTarget unchosen = GcpTestTargets.target(null);
        assertThat(kind.presentation(unchosen, adc()).details()).anySatisfy(line -> {
            assertThat(line.text()).isEqualTo("Renews itself; Google's tools need GOOGLE_EXTERNAL_ACCOUNT_ALLOW_EXECUTABLES=1");
            assertThat(line.accessibleText()).contains("run it only with GOOGLE_EXTERNAL_ACCOUNT_ALLOW_EXECUTABLES set to 1");
        });

        writer.write(adc(), unchosen.name(), ExternalAccountAdc.build(unchosen, home.resolve("id-token")), false);
        assertThat(kind.presentation(unchosen, adc()).details()).as("fedcred's file-sourced file keeps its source")
                .anySatisfy(line -> assertThat(line.text()).isEqualTo("ID token file: fresh while fedcred renews it"));
        assertThat(kind.presentation(unchosen.withAdcSource(AdcSource.EXECUTABLE), adc()).details())
                .anySatisfy(line -> assertThat(line.text()).startsWith("Renews itself"));
    }

    private NotWrittenByFedcredException refusalWriting(GcpWorkloadTarget target) {
        return catchThrowableOfType(() -> writer.write(adc(), target.name(),
                ExternalAccountAdc.build(target, home.resolve("id-token")), false), NotWrittenByFedcredException.class);
    }
}
