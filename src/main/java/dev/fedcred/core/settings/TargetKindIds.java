package dev.fedcred.core.settings;

import dev.fedcred.core.PlainJson;
import java.nio.file.Path;
import java.util.List;
import java.util.Map;
import java.util.Optional;

/**
 * The kind a user's target has in the settings file, read without Jackson and without any kind,
 * for the cached {@code credential-process}, which the AWS CLI runs before every call. Apart from
 * {@link SettingsStore}, whose loading alone (with the Jackson types it names) cost that path a
 * millisecond.
 */
public final class TargetKindIds {
    private TargetKindIds() {
    }

    /**
     * The kind id the settings file gives the user's target {@code targetName}, read without any
     * kind: empty when the file holds no such target. The cached {@code credential-process} asks this
     * before anything else is built. A file that cannot be read or does not parse throws as
     * {@link SettingsStore#load()} does; the rest of the file is not checked.
     */
    public static Optional<String> of(Path file, String targetName) {
        String text = SettingsText.read(file);
        if (text.isBlank()) {
            return Optional.empty();
        }
        Map<String, Object> settings;
        try {
            // read by PlainJson, not Jackson: the AWS CLI runs credential-process, which asks this, before every call
            settings = PlainJson.asObject(PlainJson.read(text));
        } catch (PlainJson.MalformedException e) {
            throw new SettingsFileException(file, "The settings file " + file + " is not valid JSON " + e.getMessage()
                    + ". Fix or move the file; fedcred will not overwrite it.", e);
        }
        Object targets = settings == null ? null : settings.get("targets");
        if (targets == null) {
            return Optional.empty();
        }
        if (!(targets instanceof List<?> entries)) {
            throw new SettingsFileException(file, "The settings file " + file + " is not usable: \"targets\" is not a list."
                    + " Fix or move the file; fedcred will not overwrite it.", null);
        }
        for (Object entry : entries) {
            Map<String, Object> target = PlainJson.asObject(entry);
            if (target != null && targetName.equals(target.get("name"))) {
                return Optional.of(scalarText(target.get("kind")));
            }
        }
        return Optional.empty();
    }

    /** As {@code JsonNode.asText("")} reads a kind: a string, number or boolean as written, else "". */
    private static String scalarText(Object value) {
        return value instanceof String || value instanceof Boolean || value instanceof PlainJson.Literal
                ? value.toString() : "";
    }
}
