package dev.fedcred.core.files;

import dev.fedcred.core.PlainJson;
import java.io.IOException;
import java.nio.file.Path;

/**
 * Reading fedcred's credential cache files, which only hold what can be got again. Without Jackson:
 * the AWS CLI runs {@code credential-process}, which reads one, before every call.
 */
public final class CacheFiles {
    private CacheFiles() {
    }

    /**
     * The first value of a cache file as {@link PlainJson} reads it, or null when the file is
     * missing, unreadable or does not parse: a cache that cannot be read starts over.
     *
     * @throws FileTooLargeException when it is over {@code limit}
     */
    public static Object read(Path file, FileSizeLimit limit) {
        try {
            return PlainJson.read(BoundedFiles.readString(file, limit));
        } catch (IOException | PlainJson.MalformedException e) {
            return null;
        }
    }
}
