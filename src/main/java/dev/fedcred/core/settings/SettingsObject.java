package dev.fedcred.core.settings;

import com.fasterxml.jackson.core.JsonPointer;
import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.JsonNodeFactory;
import com.fasterxml.jackson.databind.node.ObjectNode;
import java.util.ArrayList;
import java.util.HashSet;
import java.util.List;
import java.util.Optional;
import java.util.Set;
import java.util.function.Function;

/**
 * One JSON object of the settings file, read field by field: a value of the wrong type is a
 * {@link SettingsProblem} pointing at it (never read as absent, which would drop it on the next
 * save), and the fields nobody asked for are the unknown keys a save must keep.
 */
final class SettingsObject {
    private final JsonNode node;
    private final JsonPointer at;
    private final Set<String> asked = new HashSet<>();

    SettingsObject(JsonNode node, JsonPointer at, String what) {
        if (!node.isObject()) {
            throw new SettingsProblem(what + " must be a JSON object, not " + describe(node), at);
        }
        this.node = node;
        this.at = at;
    }

    JsonPointer at() {
        return at;
    }

    /** A string, or null when absent, null or blank. */
    String optionalText(String field) {
        JsonNode value = field(field);
        if (value == null) {
            return null;
        }
        if (!value.isTextual()) {
            throw wrongType(field, "a string", value);
        }
        return value.asText().isBlank() ? null : value.asText();
    }

    String requiredText(String field, String entry) {
        String value = optionalText(field);
        if (value == null) {
            throw new SettingsProblem(entry + " lacks \"" + field + "\"", at.appendProperty(field));
        }
        return value;
    }

    /** A string turned into a value by {@code parse}, whose IllegalArgumentException points at the field. */
    <T> T optional(String field, Function<String, T> parse) {
        String text = optionalText(field);
        try {
            return text == null ? null : parse.apply(text);
        } catch (IllegalArgumentException e) {
            throw new SettingsProblem("\"" + field + "\" is not usable: " + e.getMessage(), at.appendProperty(field));
        }
    }

    <T> T required(String field, String entry, Function<String, T> parse) {
        requiredText(field, entry);
        return optional(field, parse);
    }

    long optionalWholeNumber(String field, long absent) {
        JsonNode value = field(field);
        if (value == null) {
            return absent;
        }
        if (!value.isIntegralNumber() || !value.canConvertToLong()) {
            throw wrongType(field, "a whole number", value);
        }
        return value.asLong();
    }

    boolean optionalBoolean(String field, boolean absent) {
        JsonNode value = field(field);
        if (value == null) {
            return absent;
        }
        if (!value.isBoolean()) {
            throw wrongType(field, "true or false", value);
        }
        return value.asBoolean();
    }

    /** A list of strings; empty when absent. */
    List<String> textList(String field) {
        List<String> texts = new ArrayList<>();
        JsonNode array = array(field);
        for (int i = 0; i < array.size(); i++) {
            JsonNode item = array.get(i);
            if (!item.isTextual()) {
                throw new SettingsProblem("\"" + field + "\" must hold strings, not " + describe(item),
                        at.appendProperty(field).appendIndex(i));
            }
            texts.add(item.asText());
        }
        return texts;
    }

    /** A list of objects; empty when absent. */
    List<SettingsObject> objects(String field, String what) {
        List<SettingsObject> objects = new ArrayList<>();
        JsonNode array = array(field);
        for (int i = 0; i < array.size(); i++) {
            objects.add(new SettingsObject(array.get(i), at.appendProperty(field).appendIndex(i), what));
        }
        return objects;
    }

    Optional<SettingsObject> optionalObject(String field, String what) {
        JsonNode value = field(field);
        return value == null ? Optional.empty() : Optional.of(new SettingsObject(value, at.appendProperty(field), what));
    }

    /** The fields no reader asked for, in their order: keys fedcred does not know, kept on save. */
    ObjectNode unknownFields() {
        ObjectNode unknown = JsonNodeFactory.instance.objectNode();
        node.fields().forEachRemaining(entry -> {
            if (!asked.contains(entry.getKey())) {
                unknown.set(entry.getKey(), entry.getValue());
            }
        });
        return unknown;
    }

    /** The field's value, or null when absent or JSON null. */
    private JsonNode field(String field) {
        asked.add(field);
        JsonNode value = node.get(field);
        return value == null || value.isNull() ? null : value;
    }

    private JsonNode array(String field) {
        JsonNode value = field(field);
        if (value == null) {
            return JsonNodeFactory.instance.arrayNode();
        }
        if (!value.isArray()) {
            throw wrongType(field, "a list ([...])", value);
        }
        return value;
    }

    private SettingsProblem wrongType(String field, String expected, JsonNode value) {
        return new SettingsProblem("\"" + field + "\" must be " + expected + ", not " + describe(value),
                at.appendProperty(field));
    }

    private static String describe(JsonNode value) {
        return switch (value.getNodeType()) {
            case STRING -> "a string";
            case NUMBER -> "a number";
            case BOOLEAN -> "true or false";
            case ARRAY -> "a list";
            case OBJECT -> "an object";
            case NULL -> "null";
            default -> "something else";
        };
    }
}
