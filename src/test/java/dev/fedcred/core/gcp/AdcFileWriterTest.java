package dev.fedcred.core.gcp;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import com.fasterxml.jackson.databind.node.ObjectNode;
import dev.fedcred.core.Json;
import dev.fedcred.core.files.FileSizeLimit;
import dev.fedcred.core.files.FileTooLargeException;
import dev.fedcred.core.files.ReadOnlyFileException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.attribute.PosixFilePermissions;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class AdcFileWriterTest {
    private static final String USER_ADC = "{\"type\":\"authorized_user\",\"client_id\":\"fake\",\"refresh_token\":\"fake\"}\n";

    @TempDir
    Path home;

    private final AdcFileWriter writer = new AdcFileWriter();

    private Path adc() {
        return home.resolve(".config/gcloud/application_default_credentials.json");
    }

    private ObjectNode adcFor(GcpWorkloadTarget target) {
        return ExternalAccountAdc.build(target, home.resolve("state/gcp/google.id-token"));
    }

    private static String perms(Path file) throws Exception {
        return PosixFilePermissions.toString(Files.getPosixFilePermissions(file));
    }

    @Test
    void writesANewFileOwnerOnlyAndReplacesItsOwnWithoutForce() throws Exception {
        GcpWorkloadTarget target = GcpTestTargets.target(null);
        assertThat(writer.write(adc(), target.name(), adcFor(target), false)).isEmpty();
        assertThat(perms(adc())).isEqualTo("rw-------");
        assertThat(perms(adc().getParent())).isEqualTo("rwx------");
        assertThat(Json.MAPPER.readTree(adc().toFile()).path("fedcred").path("target").asText()).isEqualTo("gcp-dev");

        assertThat(writer.write(adc(), target.name(), adcFor(target), false)).isEmpty();
        assertThat(AdcFileWriter.backupOf(adc())).doesNotExist();
    }

    @Test
    void aFileFedcredDidNotWriteIsReplacedOnlyWithForceAndBackedUpOnce() throws Exception {
        Files.createDirectories(adc().getParent());
        Files.writeString(adc(), USER_ADC);
        GcpWorkloadTarget target = GcpTestTargets.target(null);

        assertThatThrownBy(() -> writer.write(adc(), target.name(), adcFor(target), false))
                .isInstanceOf(AdcNotManagedException.class)
                .hasMessageContaining("--force").hasMessageContaining(".fedcred-backup")
                .hasMessageContaining("fedcred gcp remove gcp-dev");
        assertThat(Files.readString(adc())).isEqualTo(USER_ADC);

        assertThat(writer.write(adc(), target.name(), adcFor(target), true)).contains(AdcFileWriter.backupOf(adc()));
        assertThat(Files.readString(AdcFileWriter.backupOf(adc()))).isEqualTo(USER_ADC);
        assertThat(perms(AdcFileWriter.backupOf(adc()))).isEqualTo("rw-------");
        assertThat(ExternalAccountAdc.managedBy(Files.readString(adc()))).contains("gcp-dev");

        Files.writeString(adc(), "{\"type\":\"authorized_user\",\"client_id\":\"second\"}");
        writer.write(adc(), target.name(), adcFor(target), true);
        assertThat(Files.readString(AdcFileWriter.backupOf(adc()))).as("the first backup is never overwritten").isEqualTo(USER_ADC);
    }

    @Test
    void removePutsTheUsersFileBack() throws Exception {
        Files.createDirectories(adc().getParent());
        Files.writeString(adc(), USER_ADC);
        GcpWorkloadTarget target = GcpTestTargets.target(null);
        writer.write(adc(), target.name(), adcFor(target), true);

        assertThat(writer.remove(adc(), target.name())).isEqualTo(AdcFileWriter.Removal.REMOVED_AND_RESTORED);
        assertThat(Files.readString(adc())).isEqualTo(USER_ADC);
        assertThat(AdcFileWriter.backupOf(adc())).doesNotExist();
        assertThatThrownBy(() -> writer.remove(adc(), target.name())).isInstanceOf(AdcNotManagedException.class)
                .hasMessageContaining("not written by fedcred");
        assertThat(Files.readString(adc())).isEqualTo(USER_ADC);
    }

    @Test
    void removeDeletesOnlyTheNamedTargetsFile() throws Exception {
        GcpWorkloadTarget target = GcpTestTargets.target(null);
        assertThat(writer.remove(adc(), target.name())).isEqualTo(AdcFileWriter.Removal.NOTHING_TO_REMOVE);
        writer.write(adc(), target.name(), adcFor(target), false);
        assertThatThrownBy(() -> writer.remove(adc(), "other")).hasMessageContaining("fedcred gcp remove gcp-dev");
        assertThat(writer.remove(adc(), target.name())).isEqualTo(AdcFileWriter.Removal.REMOVED);
        assertThat(adc()).doesNotExist();
    }

    @Test
    void aSymbolicLinkStaysAndItsTargetIsWritten() throws Exception {
        Path real = home.resolve("dotfiles/adc.json");
        Files.createDirectories(real.getParent());
        Files.createDirectories(adc().getParent());
        Files.createSymbolicLink(adc(), real);
        GcpWorkloadTarget target = GcpTestTargets.target(null);
        writer.write(adc(), target.name(), adcFor(target), false);
        assertThat(Files.isSymbolicLink(adc())).isTrue();
        assertThat(ExternalAccountAdc.managedBy(Files.readString(real))).contains("gcp-dev");
    }

    @Test
    void aReadOnlyAdcFileIsRefusedBeforeAnyCallAndLeftAsItWas() throws Exception {
        GcpWorkloadTarget target = GcpTestTargets.target(null);
        writer.write(adc(), target.name(), adcFor(target), false);
        String before = Files.readString(adc());
        Files.setPosixFilePermissions(adc(), PosixFilePermissions.fromString("r--------"));

        assertThatThrownBy(() -> writer.requireWritable(adc(), target.name(), true))
                .isInstanceOf(ReadOnlyFileException.class).hasMessageContaining("chmod u+w " + adc());
        assertThatThrownBy(() -> writer.write(adc(), target.name(), adcFor(target), true))
                .isInstanceOf(ReadOnlyFileException.class);
        assertThat(Files.readString(adc())).isEqualTo(before);
        assertThat(perms(adc())).isEqualTo("r--------");
    }

    @Test
    void anAdcFileOverTheLimitIsRefusedNamingItsSize() throws Exception {
        Files.createDirectories(adc().getParent());
        long size = FileSizeLimit.ADC_FILE.maxBytes() + 1;
        try (java.io.RandomAccessFile big = new java.io.RandomAccessFile(adc().toFile(), "rw")) {
            big.setLength(size);
        }
        GcpWorkloadTarget target = GcpTestTargets.target(null);

        assertThatThrownBy(() -> writer.requireWritable(adc(), target.name(), false))
                .isInstanceOf(FileTooLargeException.class)
                .hasMessageContaining(adc().toString()).hasMessageContaining(size + " bytes");
        assertThat(Files.size(adc())).isEqualTo(size);
    }
}
