package dev.fedcred.core.targets;

import java.util.List;
import java.util.function.Function;

/**
 * One target's entry in settings.json, as its kind reads it. Each read checks the value's type
 * and, when it is wrong, fails naming the entry and pointing at the value, so the settings file
 * is reported with its line and column and never overwritten.
 */
public interface TargetEntry {
    String name();

    /** The text, or null when the key is absent or blank. */
    String optionalText(String key);

    String requiredText(String key);

    /** The text parsed, or null when absent; a parse failure (IllegalArgumentException) points at the value. */
    <T> T optional(String key, Function<String, T> parse);

    long optionalWholeNumber(String key, long absent);

    /** A list of texts; empty when absent. */
    List<String> textList(String key);
}
