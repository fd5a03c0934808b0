package dev.fedcred.core.targets;

import dev.fedcred.core.FedcredException;
import dev.fedcred.core.text.OutsideText;
import java.util.Arrays;
import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.TreeSet;
import java.util.function.Function;

/**
 * A target's settings given as text, KEY=VALUE on the command line, read by its kind like a
 * settings.json entry. A key the kind does not read is refused rather than dropped: a typo must
 * not leave a setting at its default without a word.
 */
public final class TextEntry implements TargetEntry {
    private final String name;
    private final Map<String, String> values;
    private final Set<String> asked = new HashSet<>();

    public TextEntry(String name, Map<String, String> values) {
        this.name = name;
        this.values = Map.copyOf(values);
    }

    /** Reads the target with {@code kind}, refusing keys it does not know. */
    public static <T extends Target> T read(TargetKind<T> kind, String name, Map<String, String> values) {
        TextEntry entry = new TextEntry(name, values);
        T target;
        try {
            target = kind.read(entry);
        } catch (IllegalArgumentException e) {
            throw new FedcredException("The target " + OutsideText.quoted(name) + ": " + e.getMessage());
        }
        Set<String> unknown = new TreeSet<>(values.keySet());
        unknown.removeAll(entry.asked);
        if (!unknown.isEmpty()) {
            throw new FedcredException("A " + kind.title() + " target has no setting " + String.join(", ", unknown.stream()
                    .map(OutsideText::quoted).toList()) + ". Its settings are: " + String.join(", ",
                    kind.settingKeys().stream().map(SettingKey::key).toList()) + " (see `fedcred targets kinds`).");
        }
        return target;
    }

    @Override
    public String name() {
        return name;
    }

    @Override
    public String optionalText(String key) {
        asked.add(key);
        String value = values.get(key);
        return value == null || value.isBlank() ? null : value.strip();
    }

    @Override
    public String requiredText(String key) {
        String value = optionalText(key);
        if (value == null) {
            throw new IllegalArgumentException("it needs " + key + "=VALUE");
        }
        return value;
    }

    @Override
    public <T> T optional(String key, Function<String, T> parse) {
        String value = optionalText(key);
        try {
            return value == null ? null : parse.apply(value);
        } catch (IllegalArgumentException e) {
            throw new IllegalArgumentException(key + " " + OutsideText.quoted(value) + " cannot be used: " + e.getMessage());
        }
    }

    @Override
    public long optionalWholeNumber(String key, long absent) {
        String value = optionalText(key);
        if (value == null) {
            return absent;
        }
        if (!value.matches("[0-9]{1,12}")) {
            throw new IllegalArgumentException(key + " must be a whole number, not " + OutsideText.quoted(value));
        }
        return Long.parseLong(value);
    }

    @Override
    public List<String> textList(String key) {
        String value = optionalText(key);
        return value == null ? List.of() : Arrays.stream(value.split("[\\s,]+")).filter(part -> !part.isEmpty()).toList();
    }
}
