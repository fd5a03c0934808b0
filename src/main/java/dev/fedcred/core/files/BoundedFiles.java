package dev.fedcred.core.files;

import java.io.FileInputStream;
import java.io.IOException;
import java.io.InputStream;
import java.nio.file.Files;
import java.nio.file.Path;

/** The one way fedcred reads a local file whole: never more than its kind's {@link FileSizeLimit}. */
public final class BoundedFiles {
    private BoundedFiles() {
    }

    /**
     * The file's bytes.
     *
     * @throws java.nio.file.NoSuchFileException when it does not exist
     * @throws IOException when it cannot be read
     * @throws FileTooLargeException when it is over the limit (checked before reading, and again
     *         while reading, for a file that grows meanwhile)
     */
    public static byte[] read(Path file, FileSizeLimit limit) throws IOException {
        long size = Files.size(file);
        if (size > limit.maxBytes()) {
            throw new FileTooLargeException(file, size, limit);
        }
        // java.io's stream, not Files.newInputStream: that one sets up NIO's channels, some 30
        // classes and a direct buffer, on the cold credential-process path; both read the same bytes
        try (InputStream in = new FileInputStream(file.toFile())) {
            byte[] bytes = in.readNBytes((int) limit.maxBytes() + 1);
            if (bytes.length > limit.maxBytes()) {
                throw new FileTooLargeException(file, Math.max(Files.size(file), bytes.length), limit);
            }
            return bytes;
        }
    }
}
