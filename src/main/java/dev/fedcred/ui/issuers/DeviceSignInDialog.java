package dev.fedcred.ui.issuers;

import dev.fedcred.FedcredContext;
import dev.fedcred.core.oidc.DeviceCodePrompt;
import dev.fedcred.core.oidc.IssuerConfig;
import dev.fedcred.core.oidc.SignInCancelledException;
import dev.fedcred.core.oidc.TokenSet;
import dev.fedcred.core.text.TimeLeft;
import dev.fedcred.ui.fx.BackgroundWork;
import dev.fedcred.ui.fx.Icons;
import dev.fedcred.ui.fx.Nodes;
import dev.fedcred.ui.fx.Resources;
import dev.fedcred.ui.fx.Ticker;
import dev.fedcred.ui.fx.UserMessages;
import java.util.Objects;
import java.util.function.Consumer;
import javafx.beans.binding.Bindings;
import javafx.geometry.Pos;
import javafx.scene.Scene;
import javafx.scene.control.Button;
import javafx.scene.control.Label;
import javafx.scene.control.ProgressIndicator;
import javafx.scene.control.TextField;
import javafx.scene.input.Clipboard;
import javafx.scene.input.ClipboardContent;
import javafx.scene.layout.GridPane;
import javafx.scene.layout.HBox;
import javafx.scene.layout.Priority;
import javafx.scene.layout.Region;
import javafx.scene.layout.VBox;
import javafx.stage.Modality;
import javafx.stage.Stage;
import javafx.stage.Window;

/**
 * The device sign-in in the window, for when no browser can be opened here or the user chose it
 * from the issuer's sign-in menu (a remote desktop, say): the page to open on
 * another device and the code to enter there (each with a copy button), a countdown to the code's
 * expiry, and Cancel. The page and code are the issuer's words and are shown neutralised.
 */
public final class DeviceSignInDialog {
    public static final String TITLE = "Sign in with a code";
    public static final String COPY_PAGE = "Copy page";
    public static final String COPY_CODE = "Copy code";

    private final Stage stage = new Stage();
    private final DeviceSignInTask task;
    private final TextField page = new TextField();
    private final Label code = new Label("…");
    private final Label expiry = new Label();
    private final Label progressText = new Label();
    private final ProgressIndicator progress = new ProgressIndicator();
    private final Label error = new Label();
    private final Button cancel = new Button("Cancel");
    private final GridPane codeGrid = new GridPane();

    private DeviceSignInDialog(Window owner, FedcredContext context, Ticker ticker, IssuerConfig issuer,
                               Consumer<TokenSet> onSignedIn) {
        task = new DeviceSignInTask(context, issuer);
        // chosen from the sign-in menu or offered when no browser opened: the words fit either
        Label intro = new Label("On any device with a browser (your phone, your laptop), open this page and enter"
                + " the code to sign in to " + issuer.label() + ". Nothing here needs a browser.");
        Nodes.wrapFully(intro);

        page.setEditable(false);
        page.setAccessibleText("Page to open");
        HBox.setHgrow(page, Priority.ALWAYS);
        code.getStyleClass().add("device-code");
        code.setAccessibleText("Code to enter");
        codeGrid.setHgap(10);
        codeGrid.setVgap(8);
        codeGrid.addRow(0, new Label("Page"), page, copyButton(COPY_PAGE, page::getText));
        codeGrid.addRow(1, new Label("Code"), code, copyButton(COPY_CODE, code::getText));
        GridPane.setHgrow(page, Priority.ALWAYS);
        codeGrid.setDisable(true);

        expiry.getStyleClass().add("device-code-expiry");
        progress.setPrefSize(18, 18);
        progressText.textProperty().bind(task.messageProperty());
        HBox waiting = new HBox(8, progress, progressText);
        waiting.setAlignment(Pos.CENTER_LEFT);
        error.getStyleClass().add("error");
        Nodes.wrapFully(error);
        Nodes.hide(error);

        cancel.setCancelButton(true);
        cancel.setOnAction(event -> stage.close());
        Region spacer = new Region();
        HBox.setHgrow(spacer, Priority.ALWAYS);
        HBox buttons = new HBox(8, spacer, cancel);

        VBox root = new VBox(12, intro, codeGrid, expiry, waiting, error, buttons);
        root.getStyleClass().add("device-sign-in");
        root.getStylesheets().add(Objects.requireNonNull(getClass().getResource(Resources.STYLESHEET)).toExternalForm());
        root.setPrefWidth(560);

        task.promptProperty().addListener((observable, before, prompt) -> show(prompt, ticker));
        task.setOnSucceeded(event -> {
            onSignedIn.accept(task.getValue());
            stage.close();
        });
        task.setOnFailed(event -> failed(task.getException()));
        // however the dialog goes (Cancel, Escape, the window's close box), the wait stops with it
        stage.setOnHidden(event -> task.cancelSignIn());

        stage.setTitle(TITLE + " \u2014 " + issuer.label());
        stage.initModality(Modality.WINDOW_MODAL);
        if (owner != null) {
            stage.initOwner(owner);
        }
        stage.setScene(new Scene(root));
        stage.setResizable(false);
    }

    /** Opens the dialog and starts the device sign-in; {@code onSignedIn} gets the stored tokens on the FX thread. */
    public static DeviceSignInDialog open(Window owner, FedcredContext context, BackgroundWork work, Ticker ticker,
                                          IssuerConfig issuer, Consumer<TokenSet> onSignedIn) {
        DeviceSignInDialog dialog = new DeviceSignInDialog(owner, context, ticker, issuer, onSignedIn);
        dialog.stage.show();
        work.run(dialog.task);
        return dialog;
    }

    public Stage stage() {
        return stage;
    }

    private void show(DeviceCodePrompt prompt, Ticker ticker) {
        page.setText(prompt.shownVerificationUri());
        code.setText(prompt.shownUserCode());
        codeGrid.setDisable(false);
        expiry.textProperty().bind(Bindings.createStringBinding(
                () -> "The code expires in " + TimeLeft.between(ticker.now(), prompt.expiresAt()) + ".",
                ticker.nowProperty()));
        prompt.shownVerificationUriComplete().ifPresent(link ->
                codeGrid.addRow(2, new Label("Link"), linkField(link), copyButton("Copy link", () -> link)));
        stage.sizeToScene();
    }

    private void failed(Throwable failure) {
        if (failure instanceof SignInCancelledException) {
            stage.close();
            return;
        }
        Nodes.hide(progress);
        progressText.textProperty().unbind();
        progressText.setText("");
        error.setText(UserMessages.of(failure));
        Nodes.show(error);
        cancel.setText("Close");
        stage.sizeToScene();
    }

    private static TextField linkField(String link) {
        TextField field = new TextField(link);
        field.setEditable(false);
        field.setAccessibleText("Link with the code in it");
        return field;
    }

    private static Button copyButton(String text, java.util.function.Supplier<String> value) {
        Button copy = new Button(text);
        Icons.COPY.on(copy);
        copy.setMinWidth(Region.USE_PREF_SIZE);
        copy.setOnAction(event -> {
            ClipboardContent content = new ClipboardContent();
            content.putString(value.get());
            Clipboard.getSystemClipboard().setContent(content);
        });
        return copy;
    }
}
