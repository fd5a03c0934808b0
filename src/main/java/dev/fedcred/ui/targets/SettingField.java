package dev.fedcred.ui.targets;

import javafx.scene.Node;

/** One setting's input in the target dialog, whatever it looks like; its value is text, as the kind reads it. */
interface SettingField {
    String text();

    /** Sets the text as saved; the dialog does it without counting the field as touched. */
    void fill(String text);

    /** What takes the focus when editing starts at this setting. */
    Node focusTarget();
}
