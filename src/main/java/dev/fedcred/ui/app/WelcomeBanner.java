package dev.fedcred.ui.app;

import dev.fedcred.ui.firstrun.ConnectCloudDialog;
import dev.fedcred.ui.fx.Icons;
import javafx.geometry.Pos;
import javafx.scene.control.Button;
import javafx.scene.control.Label;
import javafx.scene.layout.HBox;
import javafx.scene.layout.Priority;

/**
 * First start, nothing configured: point at the sandbox so the first sign-in needs no cloud account,
 * and at connecting the user's own cloud; once the sandbox worked, only at the user's own cloud,
 * until they have an issuer of their own.
 */
final class WelcomeBanner extends HBox {
    static final String TEXT = "New to fedcred? Try the sandbox: a local test identity provider, no cloud account needed.";
    static final String NEXT_TEXT = "The sandbox works. Next, your own cloud: from an OAuth client ID and a role to"
            + " working credentials.";
    static final String BUTTON = "Sign in to the sandbox";
    static final String CONNECT = ConnectCloudDialog.TITLE;

    private final Label text = new Label(TEXT);
    private final Button signIn = new Button(BUTTON);

    WelcomeBanner(Runnable signInToSandbox, Runnable connectCloud) {
        super(12);
        getStyleClass().add("welcome-banner");
        setAlignment(Pos.CENTER_LEFT);
        text.setWrapText(true);
        HBox.setHgrow(text, Priority.ALWAYS);
        signIn.getStyleClass().add("accent");
        Icons.SIGN_IN.on(signIn);
        signIn.setMinWidth(Button.USE_PREF_SIZE);
        signIn.setOnAction(event -> signInToSandbox.run());
        Button connect = new Button(CONNECT);
        Icons.CLOUD.on(connect);
        connect.setMinWidth(Button.USE_PREF_SIZE);
        connect.setOnAction(event -> connectCloud.run());
        getChildren().addAll(text, signIn, connect);
    }

    /** The sandbox has done its job: only the user's own cloud is left to offer. */
    void afterSandbox() {
        text.setText(NEXT_TEXT);
        signIn.setVisible(false);
        signIn.setManaged(false);
        setVisible(true);
        setManaged(true);
    }

    void dismiss() {
        setVisible(false);
        setManaged(false);
    }
}
