package dev.fedcred.core.files;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.io.RandomAccessFile;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.attribute.PosixFilePermissions;
import java.util.List;
import java.util.stream.Stream;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** The temp files, read-only files and size limits of fedcred's own file handling. */
class SecureFilesTest {
    @TempDir
    Path dir;

    @Test
    void theNextWriteRemovesTempFilesAKilledWriterLeftAndLeavesEveryOtherFile() throws Exception {
        Path target = dir.resolve("credentials");
        Files.writeString(target, "[old]\n");
        // what a writer killed between creating its temp file and renaming it leaves: this
        // version's naming and the one earlier versions used
        List<Path> leftovers = List.of(dir.resolve(".credentials.fedcred-8127364512.tmp"),
                dir.resolve(".credentials.4711.tmp"));
        List<Path> foreign = List.of(dir.resolve(".credentials.tmp"), dir.resolve(".credentials.swp"),
                dir.resolve("credentials.1234.tmp"), dir.resolve(".credentials.bak.1234.tmp"),
                dir.resolve(".config.fedcred-99.tmp"), dir.resolve(".credentials.fedcred.lock"),
                dir.resolve("credentials.fedcred-backup"));
        for (Path file : Stream.concat(leftovers.stream(), foreign.stream()).toList()) {
            Files.writeString(file, "aws_secret_access_key = fakeSecretEXAMPLE\n");
        }

        SecureFiles.writeAtomically(target, "[new]\n".getBytes(StandardCharsets.UTF_8));

        assertThat(Files.readString(target)).isEqualTo("[new]\n");
        leftovers.forEach(file -> assertThat(file).doesNotExist());
        foreign.forEach(file -> assertThat(file).exists());
        try (Stream<Path> files = Files.list(dir)) {
            assertThat(files.map(file -> file.getFileName().toString()))
                    .noneMatch(name -> name.startsWith(".credentials.fedcred-") && name.endsWith(".tmp"));
        }
    }

    @Test
    void aFileItsOwnerMadeReadOnlyIsRefusedAndLeftAsItWas() throws Exception {
        Path target = dir.resolve("credentials");
        Files.writeString(target, "[mine]\n");
        Files.setPosixFilePermissions(target, PosixFilePermissions.fromString("r--------"));

        assertThatThrownBy(() -> SecureFiles.writeAtomically(target, "[new]\n".getBytes(StandardCharsets.UTF_8)))
                .isInstanceOf(ReadOnlyFileException.class)
                .hasMessageContaining(target + " is read-only")
                .hasMessageContaining("chmod u+w " + target);
        assertThat(Files.readString(target)).isEqualTo("[mine]\n");
        assertThat(PosixFilePermissions.toString(Files.getPosixFilePermissions(target))).isEqualTo("r--------");
    }

    @Test
    void aFileOverItsKindsLimitIsRefusedNamingItsSizeAndTheLimit() throws Exception {
        Path big = dir.resolve("settings.json");
        long size = FileSizeLimit.SETTINGS.maxBytes() + 1;
        try (RandomAccessFile file = new RandomAccessFile(big.toFile(), "rw")) {
            file.setLength(size);
        }

        assertThatThrownBy(() -> BoundedFiles.read(big, FileSizeLimit.SETTINGS))
                .isInstanceOf(FileTooLargeException.class)
                .hasMessageContaining(big.toString())
                .hasMessageContaining(size + " bytes")
                .hasMessageContaining(FileSizeLimit.SETTINGS.maxBytes() + " bytes")
                .hasMessageContaining("the settings file");
        Files.writeString(big, "{}");
        assertThat(BoundedFiles.read(big, FileSizeLimit.SETTINGS)).isEqualTo("{}".getBytes(StandardCharsets.UTF_8));
    }
}
