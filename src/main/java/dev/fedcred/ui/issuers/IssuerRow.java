package dev.fedcred.ui.issuers;

import dev.fedcred.FedcredContext;
import dev.fedcred.core.oidc.IssuerConfig;
import dev.fedcred.core.oidc.SignInCancelledException;
import dev.fedcred.core.oidc.TokenSet;
import dev.fedcred.core.text.OutsideText;
import dev.fedcred.ui.fx.BackgroundWork;
import dev.fedcred.ui.fx.Icons;
import dev.fedcred.ui.fx.Nodes;
import dev.fedcred.ui.fx.Ticker;
import dev.fedcred.ui.fx.UserMessages;
import dev.fedcred.ui.state.WindowState;
import java.util.Optional;
import javafx.beans.binding.Bindings;
import javafx.beans.value.ChangeListener;
import javafx.geometry.Pos;
import javafx.scene.Node;
import javafx.scene.control.Button;
import javafx.scene.control.Hyperlink;
import javafx.scene.control.Label;
import javafx.scene.control.ProgressIndicator;
import javafx.scene.layout.HBox;
import javafx.scene.layout.Priority;
import javafx.scene.layout.Region;
import javafx.scene.layout.VBox;

/** One issuer in the list: who it is, whether you are signed in, and the browser sign-in. */
public final class IssuerRow extends VBox {
    public static final String SIGN_IN_CANCELLED = "Sign-in cancelled";

    /** What the row's Edit and Remove buttons ask the window to do. */
    public interface Actions {
        void edit(IssuerConfig issuer);

        void remove(IssuerConfig issuer);
    }

    private final FedcredContext context;
    private final SandboxStarter sandbox;
    private final BackgroundWork work;
    private final WindowState state;
    private final IssuerConfig issuer;
    private final Actions actions;
    private final Ticker ticker;

    private final Button signIn = new Button("Sign in");
    private final Label status = new Label();
    private final Hyperlink showClaims = new Hyperlink("Show claims");
    private final Label waitingMessage = new Label();
    private final HBox waiting;
    private final ManualUrlBox manualUrl = new ManualUrlBox();
    private final Label error = new Label();
    private final Label notice = new Label();
    private final Button edit = new Button("Edit");
    private final Button remove = new Button("Remove");
    private final ChangeListener<String> selection = (observable, before, shown) -> styleSelected();

    /** The sign-in this row is waiting for; null when idle. FX thread only. */
    private SignInTask attempt;

    public IssuerRow(FedcredContext context, SandboxStarter sandbox, BackgroundWork work, WindowState state,
              Ticker ticker, IssuerConfig issuer, Actions actions) {
        this.context = context;
        this.actions = actions;
        this.sandbox = sandbox;
        this.work = work;
        this.state = state;
        this.issuer = issuer;
        this.ticker = ticker;
        getStyleClass().add("issuer-row");
        setSpacing(4);

        signIn.setAccessibleText("Sign in to " + issuer.name());
        signIn.getStyleClass().add("accent");
        Icons.SIGN_IN.on(signIn);
        signIn.setOnAction(event -> signIn());

        Label url = new Label(OutsideText.neutralise(issuer.issuer().toString()));
        url.getStyleClass().add("issuer-url");

        status.getStyleClass().add("status");
        // "Signed in as <long subject id>, 0:42:10 left" must show the time left, so wrap
        status.setWrapText(true);
        status.setMinHeight(Region.USE_PREF_SIZE);
        status.textProperty().bind(Bindings.createStringBinding(
                () -> SignInStatus.describe(tokens().orElse(null), ticker.now()),
                ticker.nowProperty(), state.tokens()));
        status.textProperty().addListener((observable, before, text) -> styleStatus(text));
        styleStatus(status.getText());
        showClaims.setAccessibleText("Show the claims of " + issuer.name());
        showClaims.setMinWidth(Region.USE_PREF_SIZE);
        showClaims.setOnAction(event -> state.show(issuer.name()));
        showClaims.visibleProperty().bind(Bindings.createBooleanBinding(
                () -> tokens().isPresent() && !issuer.name().equals(state.shownIssuerProperty().get()),
                state.tokens(), state.shownIssuerProperty()));
        showClaims.managedProperty().bind(showClaims.visibleProperty());
        HBox statusLine = new HBox(8, status, showClaims);
        statusLine.setAlignment(Pos.CENTER_LEFT);

        waiting = waitingLine();
        error.getStyleClass().add("error");
        error.setWrapText(true);
        error.setMinHeight(Region.USE_PREF_SIZE);
        notice.getStyleClass().add("notice");
        Nodes.hide(error);
        Nodes.hide(notice);
        showWaiting(false);

        getChildren().addAll(titleLine(), url, statusLine, waiting, manualUrl, error, notice);
        state.shownIssuerProperty().addListener(selection);
        styleSelected();
    }

    public IssuerConfig issuer() {
        return issuer;
    }

    /** The row leaves the list: stop any sign-in and stop listening to the window's state. */
    public void dispose() {
        cancel();
        state.shownIssuerProperty().removeListener(selection);
    }

    /** While the issuer is being removed, nothing else may start on it. */
    public void removing(boolean isRemoving) {
        edit.setDisable(isRemoving);
        remove.setDisable(isRemoving);
        signIn.setDisable(isRemoving || attempt != null);
        if (isRemoving) {
            Nodes.hide(error);
        }
    }

    public void showError(Throwable failure) {
        error.setText(UserMessages.of(failure));
        Nodes.show(error);
    }

    /** Starts a browser sign-in; a second click while one is waiting does nothing. */
    public void signIn() {
        if (attempt != null) {
            return;
        }
        Nodes.hide(error);
        Nodes.hide(notice);
        SignInTask task = new SignInTask(context, issuer, sandbox);
        attempt = task;
        waitingMessage.textProperty().bind(task.messageProperty());
        task.urlToOpenByHandProperty().addListener((observable, before, uri) -> {
            if (attempt == task && uri != null) {
                IssuerConfig withCode = task.codeSignInProperty().get();
                manualUrl.show(uri, withCode == null ? null : () -> signInWithCode(withCode));
            }
        });
        // a sign-in that completes is real (its tokens are stored) even if Cancel came too late
        task.setOnSucceeded(event -> {
            if (attempt == task) {
                endAttempt();
            }
            Nodes.hide(notice);
            state.signedIn(task.getValue());
        });
        task.setOnFailed(event -> {
            if (attempt == task) {
                endAttempt();
                showFailure(task.getException());
            }
        });
        showWaiting(true);
        work.run(task);
    }

    /** Stops waiting at once; the background flow winds down on its own. */
    public void cancel() {
        SignInTask task = attempt;
        if (task == null) {
            return;
        }
        endAttempt();
        task.cancelSignIn();
        showNotice(SIGN_IN_CANCELLED);
    }

    /** The browser could not be opened: stop waiting for it and sign in with a code on another device. */
    private void signInWithCode(IssuerConfig at) {
        SignInTask task = attempt;
        if (task != null) {
            endAttempt();
            task.cancelSignIn();
        }
        DeviceSignInDialog.open(getScene().getWindow(), context, work, ticker, at, state::signedIn);
    }

    private Node titleLine() {
        Label name = new Label(OutsideText.neutralise(issuer.name()));
        name.getStyleClass().add("issuer-name");
        name.setAccessibleText(issuer.label());
        HBox line = new HBox(8, name);
        if (issuer.isSandbox()) {
            Label badge = new Label("SANDBOX");
            badge.getStyleClass().add("badge-sandbox");
            badge.setAccessibleText("sandbox: a local test identity provider");
            line.getChildren().add(badge);
        }
        Region spacer = new Region();
        HBox.setHgrow(spacer, Priority.ALWAYS);
        line.getChildren().add(spacer);
        // the built-in sandbox is neither edited nor removed
        if (!issuer.isSandbox()) {
            edit.setAccessibleText("Edit " + issuer.name());
            edit.getStyleClass().addAll("row-action", "button-outlined");
            Icons.EDIT.on(edit);
            edit.setMinWidth(Region.USE_PREF_SIZE);
            edit.setOnAction(event -> actions.edit(issuer));
            remove.setAccessibleText("Remove " + issuer.name());
            remove.getStyleClass().addAll("row-action", "button-outlined", "danger");
            Icons.REMOVE.on(remove);
            remove.setMinWidth(Region.USE_PREF_SIZE);
            remove.setOnAction(event -> actions.remove(issuer));
            line.getChildren().addAll(edit, remove);
        }
        signIn.setMinWidth(Region.USE_PREF_SIZE);
        line.getChildren().add(signIn);
        line.setAlignment(Pos.CENTER_LEFT);
        return line;
    }

    private HBox waitingLine() {
        ProgressIndicator progress = new ProgressIndicator();
        progress.setPrefSize(18, 18);
        Button cancel = new Button("Cancel");
        cancel.setAccessibleText("Cancel the sign-in to " + issuer.name());
        cancel.setOnAction(event -> cancel());
        HBox line = new HBox(8, progress, waitingMessage, cancel);
        line.setAlignment(Pos.CENTER_LEFT);
        line.getStyleClass().add("waiting");
        return line;
    }

    private void endAttempt() {
        attempt = null;
        waitingMessage.textProperty().unbind();
        manualUrl.hide();
        showWaiting(false);
    }

    private void showWaiting(boolean isWaiting) {
        waiting.setVisible(isWaiting);
        waiting.setManaged(isWaiting);
        signIn.setDisable(isWaiting);
    }

    private void showFailure(Throwable failure) {
        // cancelling is the user's own choice, not something that went wrong
        if (failure instanceof SignInCancelledException) {
            showNotice(SIGN_IN_CANCELLED);
            return;
        }
        showError(failure);
    }

    private void showNotice(String text) {
        notice.setText(text);
        Nodes.show(notice);
    }

    private Optional<TokenSet> tokens() {
        return state.tokens(issuer.name());
    }

    private void styleStatus(String text) {
        status.getStyleClass().removeAll("signed-in", "expired");
        if (SignInStatus.EXPIRED.equals(text)) {
            status.getStyleClass().add("expired");
        } else if (!SignInStatus.NOT_SIGNED_IN.equals(text)) {
            status.getStyleClass().add("signed-in");
        }
    }

    private void styleSelected() {
        getStyleClass().remove("selected");
        if (issuer.name().equals(state.shownIssuerProperty().get())) {
            getStyleClass().add("selected");
        }
    }

}
