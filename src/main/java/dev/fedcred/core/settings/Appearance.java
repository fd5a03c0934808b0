package dev.fedcred.core.settings;

import java.util.Locale;
import java.util.Optional;

/** The desktop window's colours: follow the operating system (the default), or always light or dark. */
public enum Appearance {
    SYSTEM, LIGHT, DARK;

    /** The word settings.json and the CLI use: "system", "light", "dark". */
    public String word() {
        return name().toLowerCase(Locale.ROOT);
    }

    /** The appearance a word names, ignoring case; empty for a word that names none. */
    public static Optional<Appearance> fromWord(String word) {
        if (word == null) {
            return Optional.empty();
        }
        for (Appearance appearance : values()) {
            if (appearance.word().equalsIgnoreCase(word.strip())) {
                return Optional.of(appearance);
            }
        }
        return Optional.empty();
    }
}
