package dev.fedcred.ui.targets;

import javafx.scene.Node;
import javafx.scene.control.TextInputControl;

/** A setting typed as text (a file's path too, with Browse… beside it). */
record TextSettingField(TextInputControl field) implements SettingField {
    @Override
    public String text() {
        return field.getText();
    }

    @Override
    public void fill(String text) {
        field.setText(text);
    }

    @Override
    public Node focusTarget() {
        return field;
    }
}
