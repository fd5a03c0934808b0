package dev.fedcred.core.cache;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.JsonNodeFactory;
import com.fasterxml.jackson.databind.node.ObjectNode;
import dev.fedcred.core.PrettyJson;
import dev.fedcred.core.files.CacheFiles;
import dev.fedcred.core.files.FileSizeLimit;
import dev.fedcred.core.files.FileUpdateLock;
import dev.fedcred.core.files.SecureFiles;
import java.nio.file.Path;
import java.util.Iterator;
import java.util.LinkedHashMap;
import java.util.Map;
import java.util.Optional;

/**
 * The last credentials per target, in a 0600 file in fedcred's private state directory, so
 * commands can answer without calling the cloud while they are fresh. It holds nothing a new
 * exchange cannot restore, so an unreadable file counts as empty and a damaged entry as absent.
 * Every change re-reads the file under its {@link FileUpdateLock}, so processes saving different
 * targets at once (parallel {@code credential_process} runs) keep each other's entries.
 *
 * @param <T> the credentials; subclasses turn one into a JSON object and back
 */
public abstract class CredentialCache<T> {
    private final Path file;
    private final String description;

    /** @param description for error messages, e.g. "the AWS session cache" */
    protected CredentialCache(Path file, String description) {
        this.file = file;
        this.description = description;
    }

    /** Puts one entry's fields into {@code node}. */
    protected abstract void write(T value, ObjectNode node);

    /** One entry from its JSON; may throw any RuntimeException for a damaged entry, which is then skipped. */
    protected abstract T read(JsonNode node);

    /** No lock: writers replace the file by an atomic rename, so a read sees one whole version. */
    public Optional<T> load(String targetName) {
        // the one entry only: the AWS CLI runs credential-process, which asks this, before every call
        JsonNode entry = CacheFiles.readMember(file, FileSizeLimit.CREDENTIAL_CACHE, "sessions", targetName);
        if (entry.isMissingNode()) {
            return Optional.empty();
        }
        try {
            return Optional.ofNullable(read(entry));
        } catch (RuntimeException skipped) {
            // a damaged entry is just not reused, as readAll skips it
            return Optional.empty();
        }
    }

    public void save(String targetName, T value) {
        try (FileUpdateLock lock = FileUpdateLock.acquire(file)) {
            Map<String, T> all = readAll();
            all.put(targetName, value);
            writeAll(all);
        }
    }

    public boolean remove(String targetName) {
        try (FileUpdateLock lock = FileUpdateLock.acquire(file)) {
            Map<String, T> all = readAll();
            boolean removed = all.remove(targetName) != null;
            if (removed) {
                writeAll(all);
            }
            return removed;
        }
    }

    /** The text field, or IllegalArgumentException naming it: for codecs. */
    protected static String text(JsonNode node, String field) {
        JsonNode value = node.get(field);
        if (value == null || !value.isTextual()) {
            throw new IllegalArgumentException("missing " + field);
        }
        return value.asText();
    }

    private Map<String, T> readAll() {
        Map<String, T> all = new LinkedHashMap<>();
        for (Iterator<Map.Entry<String, JsonNode>> it = CacheFiles.read(file, FileSizeLimit.CREDENTIAL_CACHE).path("sessions").fields();
             it.hasNext(); ) {
            Map.Entry<String, JsonNode> entry = it.next();
            try {
                all.put(entry.getKey(), read(entry.getValue()));
            } catch (RuntimeException skipped) {
                // a damaged entry is just not reused
            }
        }
        return all;
    }

    private void writeAll(Map<String, T> all) {
        ObjectNode root = JsonNodeFactory.instance.objectNode();
        root.put("version", 1);
        ObjectNode sessions = root.putObject("sessions");
        all.forEach((target, value) -> write(value, sessions.putObject(target)));
        SecureFiles.writeAtomically(file, PrettyJson.bytes(root));
    }
}
