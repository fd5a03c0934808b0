package dev.fedcred.ui.app;

import dev.fedcred.ui.fx.Icons;
import javafx.geometry.Pos;
import javafx.scene.control.Button;
import javafx.scene.control.Label;
import javafx.scene.layout.HBox;
import javafx.scene.layout.Priority;

/** First start, nothing configured: point at the sandbox so the first sign-in needs no cloud account. */
final class WelcomeBanner extends HBox {
    static final String TEXT = "New to fedcred? Try the sandbox: a local test identity provider, no cloud account needed.";
    static final String BUTTON = "Sign in to the sandbox";

    WelcomeBanner(Runnable signInToSandbox) {
        super(12);
        getStyleClass().add("welcome-banner");
        setAlignment(Pos.CENTER_LEFT);
        Label text = new Label(TEXT);
        text.setWrapText(true);
        HBox.setHgrow(text, Priority.ALWAYS);
        Button signIn = new Button(BUTTON);
        signIn.getStyleClass().add("accent");
        Icons.SIGN_IN.on(signIn);
        signIn.setMinWidth(Button.USE_PREF_SIZE);
        signIn.setOnAction(event -> signInToSandbox.run());
        getChildren().addAll(text, signIn);
    }

    void dismiss() {
        setVisible(false);
        setManaged(false);
    }
}
