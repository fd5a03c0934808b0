package dev.fedcred.core.files;

import java.io.File;
import java.io.FileInputStream;
import java.io.FileNotFoundException;
import java.io.IOException;
import java.io.InputStream;
import java.nio.charset.StandardCharsets;
import java.nio.file.NoSuchFileException;
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
        // java.io's File and stream, not Files.size and Files.newInputStream: those set up NIO's
        // attribute views and channels, some 40 classes, on the cold credential-process path
        File path = file.toFile();
        long size = path.length();
        if (size > limit.maxBytes()) {
            throw new FileTooLargeException(file, size, limit);
        }
        try (InputStream in = new FileInputStream(path)) {
            byte[] bytes = in.readNBytes((int) limit.maxBytes() + 1);
            if (bytes.length > limit.maxBytes()) {
                throw new FileTooLargeException(file, Math.max(path.length(), bytes.length), limit);
            }
            return bytes;
        } catch (FileNotFoundException e) {
            if (!path.exists()) {
                throw new NoSuchFileException(file.toString());
            }
            // a directory, or no permission to read
            throw e;
        }
    }

    /**
     * The file's text, read as UTF-8 (a malformed byte becomes U+FFFD), as {@link #read} bounds it.
     *
     * @throws java.nio.file.NoSuchFileException when it does not exist
     * @throws IOException when it cannot be read
     * @throws FileTooLargeException when it is over the limit
     */
    public static String readString(Path file, FileSizeLimit limit) throws IOException {
        return new String(read(file, limit), StandardCharsets.UTF_8);
    }
}
