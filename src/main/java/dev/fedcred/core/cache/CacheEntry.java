package dev.fedcred.core.cache;

import dev.fedcred.core.PlainJson;
import java.util.LinkedHashMap;
import java.util.Map;

/**
 * One target's entry in a credential cache file: text fields by name, in file order, JSON's
 * {@code null} for a field written without a value. Read by {@link PlainJson}, not Jackson: the AWS
 * CLI runs {@code credential-process}, which reads one, before every call.
 */
public final class CacheEntry {
    private final Map<String, Object> fields;

    CacheEntry() {
        this(new LinkedHashMap<>());
    }

    CacheEntry(Map<String, Object> fields) {
        this.fields = fields;
    }

    /** Sets {@code field}; a null value is written as JSON's {@code null}. */
    public CacheEntry put(String field, String value) {
        fields.put(field, value == null ? PlainJson.NULL : value);
        return this;
    }

    /** The text field, or IllegalArgumentException naming it, which makes the entry count as damaged. */
    public String text(String field) {
        Object value = fields.get(field);
        if (!(value instanceof String)) {
            throw new IllegalArgumentException("missing " + field);
        }
        return (String) value;
    }

    /** The text field, null when it is absent or {@code null}; any other value is damage, as in {@link #text}. */
    public String optionalText(String field) {
        Object value = fields.get(field);
        return value == null || value == PlainJson.NULL ? null : text(field);
    }

    /** The text field, null when it is absent or not text. */
    public String textOrNull(String field) {
        Object value = fields.get(field);
        return value instanceof String ? (String) value : null;
    }

    /** The fields, for {@link CacheFileWriter}: a text or {@link PlainJson#NULL} each. */
    Map<String, Object> fields() {
        return fields;
    }
}
