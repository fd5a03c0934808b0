package dev.fedcred.sandbox;

import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.nio.file.Files;
import java.nio.file.Path;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** A configuration file far larger than any real one is refused before it is read into memory. */
class GcpConfigFileTest {
    @TempDir
    Path dir;

    @Test
    void aFileLargerThanAnyConfigurationIsRefusedUnread() throws Exception {
        Path huge = dir.resolve("huge.json");
        Files.write(huge, new byte[(int) GcpConfigFile.MAX_FILE_BYTES + 1]);

        assertThatThrownBy(() -> GcpConfigFile.read(huge)).isInstanceOf(IllegalArgumentException.class)
                .hasMessageContaining("larger than 1024 KiB");
    }
}
