package dev.fedcred.ui.issuers;

import dev.fedcred.ui.fx.Icons;
import java.net.URI;
import javafx.scene.control.Button;
import javafx.scene.control.Label;
import javafx.scene.control.TextField;
import javafx.scene.input.Clipboard;
import javafx.scene.input.ClipboardContent;
import javafx.scene.layout.HBox;
import javafx.scene.layout.Priority;
import javafx.scene.layout.VBox;

/**
 * When no browser could be started: the sign-in URL, selectable and copyable, to open by hand, and
 * where the issuer offers it, the device sign-in (a code entered on another device) instead.
 */
public final class ManualUrlBox extends VBox {
    public static final String PROMPT = "Open this URL in your browser to sign in";
    public static final String WITH_CODE = "Sign in with a code instead";

    private final TextField url = new TextField();
    private final Button withCode = new Button(WITH_CODE);

    ManualUrlBox() {
        getStyleClass().add("manual-url");
        url.setEditable(false);
        url.setAccessibleText("Sign-in URL");
        HBox.setHgrow(url, Priority.ALWAYS);
        Button copy = new Button("Copy URL");
        Icons.COPY.on(copy);
        copy.setOnAction(event -> copyToClipboard());
        HBox line = new HBox(6, url, copy);
        withCode.setAccessibleText("Sign in with a code entered on another device");
        getChildren().addAll(new Label(PROMPT), line, withCode);
        hide();
    }

    /** @param signInWithCode what the device sign-in button does; null when the issuer does not offer it */
    void show(URI uri, Runnable signInWithCode) {
        withCode.setOnAction(signInWithCode == null ? null : event -> signInWithCode.run());
        withCode.setVisible(signInWithCode != null);
        withCode.setManaged(signInWithCode != null);
        url.setText(uri.toString());
        setVisible(true);
        setManaged(true);
    }

    void hide() {
        url.clear();
        setVisible(false);
        setManaged(false);
    }

    private void copyToClipboard() {
        ClipboardContent content = new ClipboardContent();
        content.putString(url.getText());
        Clipboard.getSystemClipboard().setContent(content);
    }
}
