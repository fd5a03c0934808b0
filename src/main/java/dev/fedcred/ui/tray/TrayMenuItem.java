package dev.fedcred.ui.tray;

import dev.fedcred.core.text.OutsideText;

/**
 * One line of the tray menu: an action, a line that only informs (no action, disabled), or a
 * separator. An action can be disabled while it runs.
 */
public record TrayMenuItem(String label, TrayAction action, boolean enabled) {
    public TrayMenuItem {
        // labels name issuers and targets from settings.json
        label = OutsideText.neutralise(label);
    }

    public static final TrayMenuItem SEPARATOR = new TrayMenuItem(null, null, false);

    static TrayMenuItem info(String label) {
        return new TrayMenuItem(label, null, false);
    }

    static TrayMenuItem action(String label, TrayAction action) {
        return new TrayMenuItem(label, action, true);
    }

    public boolean isSeparator() {
        return label == null;
    }
}
