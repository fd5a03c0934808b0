package dev.fedcred.core.files;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.MissingNode;
import dev.fedcred.core.JsonTrees;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Path;

/** Reading fedcred's cache files, which only hold what can be got again. */
public final class CacheFiles {
    private CacheFiles() {
    }

    /**
     * The tree of a cache file, or {@link MissingNode} when the file is missing, unreadable or does
     * not parse: a cache that cannot be read starts over.
     *
     * @throws FileTooLargeException when it is over {@code limit}
     */
    public static JsonNode read(Path file, FileSizeLimit limit) {
        try {
            return JsonTrees.read(new String(BoundedFiles.read(file, limit), StandardCharsets.UTF_8));
        } catch (IOException e) {
            return MissingNode.getInstance();
        }
    }

    /**
     * The value at {@code group}/{@code key} of a cache file, as {@code read(file, limit).path(group).path(key)}
     * gives it, with a tree built for that value only: {@code credential-process} wants one entry.
     *
     * @throws FileTooLargeException when it is over {@code limit}
     */
    public static JsonNode readMember(Path file, FileSizeLimit limit, String group, String key) {
        try {
            return JsonTrees.member(new String(BoundedFiles.read(file, limit), StandardCharsets.UTF_8), group, key);
        } catch (IOException e) {
            return MissingNode.getInstance();
        }
    }
}
