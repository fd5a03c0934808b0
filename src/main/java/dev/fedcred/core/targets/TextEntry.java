package dev.fedcred.core.targets;

import dev.fedcred.core.FedcredException;
import dev.fedcred.core.text.OutsideText;
import java.net.URISyntaxException;
import java.nio.file.InvalidPathException;
import java.util.Arrays;
import java.util.Collections;
import java.util.HashSet;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.TreeSet;
import java.util.function.Function;

/**
 * A target's settings given as text, read by its kind like a settings.json entry: KEY=VALUE on the
 * command line, and what is typed into the window's target dialog, so both parse a value the same
 * way and say the same when it cannot be read. A value that cannot be read is a problem of its
 * field and counts as absent, so the rest of the target is still read.
 */
public final class TextEntry implements TargetEntry {
    private final String name;
    private final Map<String, String> values;
    /** The dialog: a missing required value is the kind's rules' to report, not a reading failure. */
    private final boolean lenient;
    private final Set<String> asked = new HashSet<>();
    private final Map<TargetField, String> problems = new LinkedHashMap<>();

    private TextEntry(String name, Map<String, String> values, boolean lenient) {
        this.name = name;
        this.values = Map.copyOf(values);
        this.lenient = lenient;
    }

    /** What the dialog read: the target, and the values that could not be read, by field. */
    public record Reading<T extends Target>(T target, Map<TargetField, String> problems) {
        public Reading {
            problems = Collections.unmodifiableMap(new LinkedHashMap<>(problems));
        }
    }

    /** Reads the target with {@code kind}, refusing keys it does not know; the first value that cannot be read fails. */
    public static <T extends Target> T read(TargetKind<T> kind, String name, Map<String, String> values) {
        TextEntry entry = new TextEntry(name, values, false);
        T target;
        try {
            target = kind.read(entry);
        } catch (IllegalArgumentException e) {
            throw new FedcredException("The target " + OutsideText.quoted(name) + ": " + e.getMessage());
        }
        entry.problems.entrySet().stream().findFirst().ifPresent(problem -> {
            throw new FedcredException("The target " + OutsideText.quoted(name) + ": " + problem.getKey().key() + " "
                    + OutsideText.quoted(values.get(problem.getKey().key())) + ": " + problem.getValue());
        });
        Set<String> unknown = new TreeSet<>(values.keySet());
        unknown.removeAll(entry.asked);
        if (!unknown.isEmpty()) {
            throw new FedcredException("A " + kind.title() + " target has no setting " + String.join(", ", unknown.stream()
                    .map(OutsideText::quoted).toList()) + ". Its settings are: " + String.join(", ",
                    kind.form().settings().stream().map(TargetSetting::key).toList()) + " (see `fedcred targets kinds`).");
        }
        return target;
    }

    /**
     * Reads what can be read, for the window's dialog: a missing required value reads as empty text
     * (the kind's {@link TargetKind#problems} says what it needs), a value that cannot be read is a
     * problem of its field.
     */
    public static <T extends Target> Reading<T> readAll(TargetKind<T> kind, String name, Map<String, String> values) {
        TextEntry entry = new TextEntry(name, values, true);
        T target = kind.read(entry);
        return new Reading<>(target, entry.problems);
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
            if (lenient) {
                return "";
            }
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
            problems.put(new TargetField(key), unreadable(e));
            return null;
        }
    }

    @Override
    public long optionalWholeNumber(String key, long absent) {
        String value = optionalText(key);
        if (value == null) {
            return absent;
        }
        if (!value.matches("[0-9]{1,12}")) {
            problems.put(new TargetField(key), "Enter a whole number, such as 3600.");
            return absent;
        }
        return Long.parseLong(value);
    }

    @Override
    public List<String> textList(String key) {
        String value = optionalText(key);
        return value == null ? List.of() : Arrays.stream(value.split("[\\s,]+")).filter(part -> !part.isEmpty())
                .distinct().toList();
    }

    /** Kinds read URLs with URI::create and files with Path::of: say which of the two it is not. */
    private static String unreadable(IllegalArgumentException e) {
        if (e instanceof InvalidPathException path) {
            return "This is not a file path: " + OutsideText.neutralise(path.getReason()) + ".";
        }
        if (e.getCause() instanceof URISyntaxException url) {
            return "This is not a URL: " + OutsideText.neutralise(url.getReason())
                    + ". Leave it empty for the cloud's own endpoint.";
        }
        return "This cannot be used: " + OutsideText.shown(e.getMessage());
    }
}
