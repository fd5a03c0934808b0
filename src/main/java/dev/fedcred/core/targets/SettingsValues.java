package dev.fedcred.core.targets;

import com.fasterxml.jackson.databind.node.ObjectNode;

/** Writing a kind's optional settings: an unset value leaves no key in settings.json. */
public final class SettingsValues {
    private SettingsValues() {
    }

    public static void putIfSet(ObjectNode entry, String key, Object value) {
        if (value != null) {
            entry.put(key, value.toString());
        }
    }
}
