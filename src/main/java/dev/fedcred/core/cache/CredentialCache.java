package dev.fedcred.core.cache;

import dev.fedcred.core.PlainJson;
import dev.fedcred.core.files.CacheFiles;
import dev.fedcred.core.files.FileSizeLimit;
import dev.fedcred.core.files.FileUpdateLock;
import dev.fedcred.core.files.SecureFiles;
import java.nio.file.Path;
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
 * @param <T> the credentials; subclasses turn one into a {@link CacheEntry} and back
 */
public abstract class CredentialCache<T> {
    private final Path file;
    private final String description;

    /** @param description for error messages, e.g. "the AWS session cache" */
    protected CredentialCache(Path file, String description) {
        this.file = file;
        this.description = description;
    }

    /** Puts one entry's fields into {@code entry}. */
    protected abstract void write(T value, CacheEntry entry);

    /** One entry from its fields; may throw any RuntimeException for a damaged entry, which is then skipped. */
    protected abstract T read(CacheEntry entry);

    /** No lock: writers replace the file by an atomic rename, so a read sees one whole version. */
    public Optional<T> load(String targetName) {
        Map<String, Object> entry = PlainJson.asObject(entries().get(targetName));
        if (entry == null) {
            return Optional.empty();
        }
        try {
            return Optional.ofNullable(read(new CacheEntry(entry)));
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

    private Map<String, T> readAll() {
        Map<String, T> all = new LinkedHashMap<>();
        for (Map.Entry<String, Object> entry : entries().entrySet()) {
            Map<String, Object> fields = PlainJson.asObject(entry.getValue());
            try {
                if (fields != null) {
                    all.put(entry.getKey(), read(new CacheEntry(fields)));
                }
            } catch (RuntimeException skipped) {
                // a damaged entry is just not reused
            }
        }
        return all;
    }

    /** The file's "sessions" object; empty when the file is missing, unreadable or not JSON. */
    private Map<String, Object> entries() {
        Map<String, Object> root = PlainJson.asObject(CacheFiles.read(file, FileSizeLimit.CREDENTIAL_CACHE));
        Map<String, Object> sessions = root == null ? null : PlainJson.asObject(root.get("sessions"));
        return sessions == null ? Map.of() : sessions;
    }

    private void writeAll(Map<String, T> all) {
        Map<String, CacheEntry> entries = new LinkedHashMap<>();
        for (Map.Entry<String, T> value : all.entrySet()) {
            CacheEntry entry = new CacheEntry();
            write(value.getValue(), entry);
            entries.put(value.getKey(), entry);
        }
        SecureFiles.writeAtomically(file, CacheFileWriter.bytes(entries));
    }
}
