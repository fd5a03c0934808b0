package dev.fedcred.core.targets;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.JsonNodeFactory;
import com.fasterxml.jackson.databind.node.ObjectNode;
import java.util.LinkedHashMap;
import java.util.Map;
import java.util.stream.Collectors;
import java.util.stream.StreamSupport;

/**
 * A target's settings as text, by field, as the window's dialog holds them: what {@link TextEntry}
 * reads into the kind's target, and what a saved target gives back for editing.
 */
public record SettingTexts(Map<TargetField, String> texts) {
    public SettingTexts {
        texts = Map.copyOf(texts);
    }

    /**
     * The target's settings as its kind writes them into settings.json, each value as text (a list
     * separated by spaces), so reading them back with {@link TextEntry} gives the same target.
     */
    public static SettingTexts of(TargetKinds.Bound<?> bound) {
        ObjectNode entry = JsonNodeFactory.instance.objectNode();
        bound.write(entry);
        Map<TargetField, String> texts = new LinkedHashMap<>();
        texts.put(TargetField.NAME, bound.target().name());
        if (bound.target().issuer() != null) {
            texts.put(TargetField.ISSUER, bound.target().issuer());
        }
        entry.fields().forEachRemaining(field -> texts.put(new TargetField(field.getKey()), text(field.getValue())));
        return new SettingTexts(texts);
    }

    /** The text of a field, stripped; empty when it has none. */
    public String text(TargetField field) {
        return texts.getOrDefault(field, "").strip();
    }

    public boolean isSet(TargetField field) {
        return !text(field).isEmpty();
    }

    /** Every setting but the name by its key, as {@link TextEntry} takes them. */
    public Map<String, String> byKey() {
        Map<String, String> byKey = new LinkedHashMap<>();
        texts.forEach((field, text) -> {
            if (!TargetField.NAME.equals(field)) {
                byKey.put(field.key(), text);
            }
        });
        return byKey;
    }

    private static String text(JsonNode value) {
        if (value.isArray()) {
            return StreamSupport.stream(value.spliterator(), false).map(JsonNode::asText).collect(Collectors.joining(" "));
        }
        return value.isNull() ? "" : value.asText();
    }
}
