package dev.fedcred.ui.fx;

import java.util.function.Supplier;
import javafx.scene.control.Button;
import javafx.scene.input.Clipboard;
import javafx.scene.input.ClipboardContent;
import javafx.scene.layout.Region;

/** A Copy button that puts a text on the system clipboard: only for text that is no secret (a command, a policy). */
public final class CopyButton {
    public static final String TEXT = "Copy";

    private CopyButton() {
    }

    /** @param accessibleText what a screen reader says the button copies */
    public static Button of(String accessibleText, Supplier<String> text) {
        Button copy = new Button(TEXT);
        Icons.COPY.on(copy);
        copy.setAccessibleText(accessibleText);
        copy.setMinWidth(Region.USE_PREF_SIZE);
        copy.setOnAction(event -> {
            ClipboardContent content = new ClipboardContent();
            content.putString(text.get());
            Clipboard.getSystemClipboard().setContent(content);
        });
        return copy;
    }
}
