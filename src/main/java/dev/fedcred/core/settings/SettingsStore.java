package dev.fedcred.core.settings;

import dev.fedcred.core.JsonTrees;
import com.fasterxml.jackson.core.JsonLocation;
import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import dev.fedcred.core.targets.TargetKinds;
import dev.fedcred.core.text.OutsideText;
import dev.fedcred.core.Json;
import dev.fedcred.core.files.FileUpdateLock;
import dev.fedcred.core.files.SecureFiles;
import java.nio.file.Path;
import java.util.function.UnaryOperator;

/**
 * Reads and writes settings.json. A file that does not parse, or holds a value of the wrong type,
 * is reported with its path, line and column and is never overwritten: every save first checks
 * that what is on disk still reads, so a hand edit gone wrong is never lost. Keys fedcred does not
 * know (a note, a newer version's setting) are kept on save.
 */
public final class SettingsStore {
    private final Path file;
    private final TargetKinds kinds;

    /** @param kinds read and write each target's entry */
    public SettingsStore(Path file, TargetKinds kinds) {
        this.file = file;
        this.kinds = kinds;
    }

    public Path file() {
        return file;
    }

    public Settings load() {
        return read(readText()).settings();
    }

    /** The file's text; empty when there is no file. */
    private String readText() {
        return SettingsText.read(file);
    }

    private SettingsJson.Read read(String text) {
        return text.isBlank() ? new SettingsJson.Read(Settings.empty(), SettingsJson.UnknownKeys.none())
                : decode(parse(text), text);
    }

    /**
     * Loads, applies the change and saves, refusing to touch a file that does not parse. The whole
     * step holds the file's {@link FileUpdateLock}, so a change another fedcred process saved
     * meanwhile is read, not overwritten.
     */
    public Settings update(UnaryOperator<Settings> change) {
        try (FileUpdateLock lock = FileUpdateLock.acquire(file)) {
            Settings updated = change.apply(load());
            save(updated);
            return updated;
        }
    }

    /** Saves, keeping the keys fedcred does not know that the file on disk has. */
    public void save(Settings settings) {
        try (FileUpdateLock lock = FileUpdateLock.acquire(file)) {
            SettingsJson.UnknownKeys unknown = read(readText()).unknown();
            ObjectNode root = SettingsJson.encode(settings, kinds);
            unknown.addTo(root);
            byte[] bytes;
            try {
                bytes = Json.MAPPER.writeValueAsBytes(root);
            } catch (JsonProcessingException e) {
                throw new IllegalStateException("Settings did not serialize", e);
            }
            SecureFiles.writeAtomically(file, bytes);
        }
    }

    private JsonNode parse(String text) {
        return parse(file, text);
    }

    private static JsonNode parse(Path file, String text) {
        try {
            return JsonTrees.read(text);
        } catch (JsonProcessingException e) {
            throw notJson(file, e);
        }
    }

    private static SettingsFileException notJson(Path file, JsonProcessingException e) {
        JsonLocation at = e.getLocation();
        String where = at == null ? "" : " at line " + at.getLineNr() + ", column " + at.getColumnNr();
        return new SettingsFileException(file, "The settings file " + file + " is not valid JSON" + where + ": "
                + e.getOriginalMessage() + ". Fix or move the file; fedcred will not overwrite it.", e);
    }

    private SettingsJson.Read decode(JsonNode root, String text) {
        try {
            return SettingsJson.read(root, kinds);
        } catch (SettingsProblem e) {
            String where = JsonTrees.locationOf(text, e.at())
                    .map(at -> " at line " + at.getLineNr() + ", column " + at.getColumnNr()).orElse("");
            throw invalid(where, e.getMessage());
        } catch (IllegalArgumentException e) {
            throw invalid("", e.getMessage());
        }
    }

    private SettingsFileException invalid(String where, String problem) {
        return new SettingsFileException(file, "The settings file " + file + " is not usable" + where + ": "
                + OutsideText.neutralise(problem) + ". Fix or move the file; fedcred will not overwrite it.", null);
    }
}
