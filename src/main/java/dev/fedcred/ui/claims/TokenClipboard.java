package dev.fedcred.ui.claims;

import javafx.scene.input.Clipboard;
import javafx.scene.input.ClipboardContent;

/** Where a copied ID token goes; the system clipboard, or a test's own. FX thread only. */
public interface TokenClipboard {
    void put(String text);

    /** Whether the clipboard still holds exactly {@code text} (nothing copied over it since). */
    boolean holds(String text);

    void clear();

    static TokenClipboard system() {
        return new TokenClipboard() {
            @Override
            public void put(String text) {
                ClipboardContent content = new ClipboardContent();
                content.putString(text);
                Clipboard.getSystemClipboard().setContent(content);
            }

            @Override
            public boolean holds(String text) {
                Clipboard clipboard = Clipboard.getSystemClipboard();
                return clipboard.hasString() && text.equals(clipboard.getString());
            }

            @Override
            public void clear() {
                Clipboard.getSystemClipboard().clear();
            }
        };
    }
}
