package dev.fedcred.ui.fx;

import javafx.scene.control.Control;
import javafx.scene.control.Tooltip;
import javafx.scene.input.KeyCode;
import javafx.scene.input.KeyCodeCombination;
import javafx.scene.input.KeyCombination;

/**
 * The main window's keyboard shortcuts. Ctrl is Cmd on macOS ({@link KeyCombination#SHORTCUT_DOWN}).
 * docs/desktop-app.md lists the same keys.
 */
public enum Shortcut {
    ADD_ISSUER("Add an issuer", new KeyCodeCombination(KeyCode.N, KeyCombination.SHORTCUT_DOWN)),
    RENEW_NOW("Renew everything due now", new KeyCodeCombination(KeyCode.R, KeyCombination.SHORTCUT_DOWN)),
    READ_SETTINGS_AGAIN("Read the settings again", new KeyCodeCombination(KeyCode.F5)),
    PREFERENCES("Preferences", new KeyCodeCombination(KeyCode.COMMA, KeyCombination.SHORTCUT_DOWN)),
    COPY_ID_TOKEN("Copy the raw ID token, after a warning",
            new KeyCodeCombination(KeyCode.C, KeyCombination.SHORTCUT_DOWN, KeyCombination.SHIFT_DOWN)),
    CLOSE_WINDOW("Close the window", new KeyCodeCombination(KeyCode.W, KeyCombination.SHORTCUT_DOWN)),
    QUIT("Quit fedcred", new KeyCodeCombination(KeyCode.Q, KeyCombination.SHORTCUT_DOWN));

    private final String description;
    private final KeyCodeCombination keys;

    Shortcut(String description, KeyCodeCombination keys) {
        this.description = description;
        this.keys = keys;
    }

    public KeyCodeCombination keys() {
        return keys;
    }

    /** "Add an issuer (Ctrl+N)". */
    String describe() {
        return description + " (" + keys.getDisplayText() + ")";
    }

    /** A tooltip on the control that does the same, so the key is found where the mouse is. */
    public void showOn(Control control) {
        control.setTooltip(new Tooltip(describe()));
    }
}
