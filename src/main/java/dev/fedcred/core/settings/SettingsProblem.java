package dev.fedcred.core.settings;

import com.fasterxml.jackson.core.JsonPointer;

/** What is wrong in the settings file and where (a JSON pointer {@link SettingsStore} turns into a line and column). */
final class SettingsProblem extends IllegalArgumentException {
    private final transient JsonPointer at;

    SettingsProblem(String problem, JsonPointer at) {
        super(problem);
        this.at = at;
    }

    JsonPointer at() {
        return at;
    }

    /** The same problem told as part of an entry, e.g. {@code issuer "work": ...}. */
    SettingsProblem within(String entry) {
        return new SettingsProblem(entry + ": " + getMessage(), at);
    }
}
