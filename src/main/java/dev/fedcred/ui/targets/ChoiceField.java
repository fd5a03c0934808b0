package dev.fedcred.ui.targets;

import java.util.function.Function;
import javafx.scene.Node;
import javafx.scene.control.ComboBox;

/**
 * A setting chosen from a list (the issuer, another target). A saved value no longer offered
 * still shows, as {@code missing} makes it, so its problem can be seen and fixed.
 *
 * @param <T> the entries; {@code text} gives each one's value as the kind reads it
 */
final class ChoiceField<T> implements SettingField {
    private final ComboBox<T> box;
    private final Function<T, String> text;
    private final Function<String, T> missing;

    ChoiceField(ComboBox<T> box, Function<T, String> text, Function<String, T> missing) {
        this.box = box;
        this.text = text;
        this.missing = missing;
    }

    @Override
    public String text() {
        return box.getValue() == null ? "" : text.apply(box.getValue());
    }

    @Override
    public void fill(String value) {
        T chosen = box.getItems().stream().filter(entry -> text.apply(entry).equals(value)).findFirst().orElse(null);
        if (chosen == null && !value.isEmpty()) {
            chosen = missing.apply(value);
            box.getItems().add(chosen);
        }
        box.setValue(chosen);
    }

    @Override
    public Node focusTarget() {
        return box;
    }
}
