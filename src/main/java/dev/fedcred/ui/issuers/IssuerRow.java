package dev.fedcred.ui.issuers;

import dev.fedcred.core.oidc.IssuerConfig;
import dev.fedcred.core.oidc.TokenSet;
import dev.fedcred.core.text.OutsideText;
import dev.fedcred.ui.fx.Confirmation;
import dev.fedcred.ui.fx.Icons;
import dev.fedcred.ui.fx.LocalLayoutSlot;
import dev.fedcred.ui.fx.Nodes;
import dev.fedcred.ui.fx.Ticker;
import java.time.Instant;
import java.util.List;
import java.util.function.Consumer;
import javafx.beans.value.ChangeListener;
import javafx.geometry.Pos;
import javafx.scene.Node;
import javafx.scene.control.Button;
import javafx.scene.control.Hyperlink;
import javafx.scene.control.Label;
import javafx.scene.control.MenuButton;
import javafx.scene.control.MenuItem;
import javafx.scene.control.ProgressIndicator;
import javafx.scene.layout.HBox;
import javafx.scene.layout.Priority;
import javafx.scene.layout.Region;
import javafx.scene.layout.VBox;

/**
 * One issuer in the list: who it is, whether you are signed in, and the browser sign-in. It only
 * builds the nodes and draws its {@link IssuerRowModel}, which holds the state and does the work.
 */
public final class IssuerRow extends VBox {
    /** The status line's looks, one at a time. */
    private static final List<String> STATUS_STYLES = List.of("signed-in", "expired");

    /** What the row needs from the window around it. */
    public interface Actions {
        /** Opens the issuer's dialog. */
        void edit(IssuerConfig issuer);

        /** Asks first; runs {@code onConfirm} or {@code onCancel} on the FX thread. */
        void confirm(Confirmation question, Runnable onConfirm, Runnable onCancel);

        /** Signs in with a code at {@code issuer} (no browser opens here); {@code onSignedIn} gets the tokens. */
        void signInWithCode(IssuerConfig issuer, Consumer<TokenSet> onSignedIn);
    }

    private final IssuerRowModel model;
    private final Ticker ticker;
    private final Actions actions;
    private final IssuerConfig issuer;

    public static final String SIGN_IN_WITH_CODE = "Sign in with a code…";
    /** The sign-in button's text: the row's first action while there is no live sign-in ... */
    public static final String SIGN_IN = "Sign in";
    /** ... and a plain button beside a live one. */
    public static final String SIGN_IN_AGAIN = "Sign in again";
    private static final List<String> FIRST_ACTION_STYLE = List.of("accent");

    private final Button signIn = new Button(SIGN_IN);
    private final MenuButton otherSignIns = new MenuButton();
    private final MenuItem withCode = new MenuItem(SIGN_IN_WITH_CODE);
    private final Label status = new Label();
    private final Hyperlink showClaims = new Hyperlink("Show claims");
    private final Label waitingMessage = new Label();
    private final HBox waiting;
    private final ManualUrlBox manualUrl = new ManualUrlBox();
    private final Label error = new Label();
    private final Label notice = new Label();
    private final Button edit = new Button("Edit");
    private final Button remove = new Button("Remove");
    private final ChangeListener<Instant> ticked = (observable, before, now) -> showStatus();
    /** The question the window was last asked to show, so each is asked once. */
    private Confirmation asked;

    public IssuerRow(IssuerRowModel model, Ticker ticker, Actions actions) {
        this.model = model;
        this.ticker = ticker;
        this.actions = actions;
        this.issuer = model.issuer();
        getStyleClass().add("issuer-row");
        setSpacing(4);

        signIn.setAccessibleText("Sign in to " + issuer.name());
        Icons.SIGN_IN.on(signIn);
        signIn.setOnAction(event -> model.signIn());
        otherSignIns.setAccessibleText("Other ways to sign in to " + issuer.name());
        otherSignIns.getStyleClass().add("other-sign-ins");
        otherSignIns.getItems().add(withCode);
        otherSignIns.setOnShowing(event -> model.askForCodeOffer());
        withCode.setOnAction(event -> signInWithCode(model.signInWithCode()));

        Label url = new Label(model.url());
        url.getStyleClass().add("issuer-url");

        status.getStyleClass().add("status");
        // "Signed in as <long subject id>, 0:42:10 left" must show the time left, so wrap
        Nodes.wrapFully(status);
        showClaims.setAccessibleText("Show the claims of " + issuer.name());
        showClaims.setMinWidth(Region.USE_PREF_SIZE);
        showClaims.setOnAction(event -> model.showClaims());
        HBox statusLine = new HBox(8, new LocalLayoutSlot(status), showClaims);
        statusLine.setAlignment(Pos.CENTER_LEFT);

        waiting = waitingLine();
        error.getStyleClass().add("error");
        Nodes.wrapFully(error);
        notice.getStyleClass().add("notice");

        getChildren().addAll(titleLine(), url, statusLine, waiting, manualUrl, error, notice);
        ticker.nowProperty().addListener(ticked);
        model.onChange(this::show);
        show();
    }

    public IssuerRowModel model() {
        return model;
    }

    /** The row leaves the list (its model is disposed by whoever made it): stop counting down. */
    public void dispose() {
        ticker.nowProperty().removeListener(ticked);
    }

    /** Draws the model: called after each of its changes. */
    private void show() {
        showStatus();
        Nodes.showIf(showClaims, model.canShowClaims());
        getStyleClass().remove("selected");
        if (model.selected()) {
            getStyleClass().add("selected");
        }
        Nodes.showIf(waiting, model.waiting());
        waitingMessage.setText(model.waitingMessage() == null ? "" : model.waitingMessage());
        if (model.openByHand() != null) {
            manualUrl.show(model.openByHand(), model.codeSignIn() == null ? null
                    : () -> signInWithCode(model.signInWithCodeInstead()));
        } else {
            manualUrl.hide();
        }
        showText(error, model.error());
        showText(notice, model.notice());
        signIn.setDisable(!model.canSignIn());
        showCodeOffer(model.codeOffer());
        edit.setDisable(!model.canEditOrRemove());
        remove.setDisable(!model.canEditOrRemove());
        Confirmation question = model.question();
        if (question != null && question != asked) {
            actions.confirm(question, () -> model.answer(question, true), () -> model.answer(question, false));
        }
        asked = question;
    }

    private static void showText(Label label, String text) {
        if (text != null) {
            label.setText(text);
        }
        Nodes.showIf(label, text != null);
    }

    private void showStatus() {
        Instant now = ticker.now();
        IssuerRowModel.Level level = model.level(now);
        status.setText(model.status(now));
        Nodes.styleAs(status, switch (level) {
            case SIGNED_IN -> "signed-in";
            case EXPIRED -> "expired";
            case NONE -> null;
        }, STATUS_STYLES);
        showSignInFor(level);
    }

    /**
     * A live sign-in leaves "Sign in again" as a plain button; without one, signing in is the row's
     * first action. Drawn with the status each second: an unchanged text or style changes nothing.
     */
    private void showSignInFor(IssuerRowModel.Level level) {
        boolean live = level == IssuerRowModel.Level.SIGNED_IN;
        signIn.setText(live ? SIGN_IN_AGAIN : SIGN_IN);
        Nodes.styleAs(signIn, live ? null : "accent", FIRST_ACTION_STYLE);
    }

    /** The menu item says whether the issuer offers a code sign-in, and is enabled only when it does. */
    private void showCodeOffer(IssuerRowModel.CodeOffer offer) {
        withCode.setText(switch (offer) {
            case NOT_ASKED, OFFERED -> SIGN_IN_WITH_CODE;
            case ASKING -> "Sign in with a code (asking the issuer…)";
            case NOT_OFFERED -> "Sign in with a code: this issuer does not offer it";
            case UNREACHABLE -> "Sign in with a code: the issuer could not be reached";
        });
        withCode.setDisable(offer != IssuerRowModel.CodeOffer.OFFERED);
    }

    /** Signs in with a code entered on another device, at {@code at}; nothing when that is null (not offered). */
    private void signInWithCode(IssuerConfig at) {
        if (at != null) {
            actions.signInWithCode(at, model::signedInWithCode);
        }
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
        if (model.editable()) {
            rowAction(edit, "Edit " + issuer.name(), Icons.EDIT, () -> actions.edit(issuer));
            rowAction(remove, "Remove " + issuer.name(), Icons.REMOVE, model::remove);
            remove.getStyleClass().add("danger");
            line.getChildren().addAll(edit, remove);
        }
        signIn.setMinWidth(Region.USE_PREF_SIZE);
        otherSignIns.setMinWidth(Region.USE_PREF_SIZE);
        line.getChildren().addAll(signIn, otherSignIns);
        line.setAlignment(Pos.CENTER_LEFT);
        return line;
    }

    private static void rowAction(Button button, String accessibleText, Icons icon, Runnable action) {
        button.setAccessibleText(accessibleText);
        button.getStyleClass().addAll("row-action", "button-outlined");
        icon.on(button);
        button.setMinWidth(Region.USE_PREF_SIZE);
        button.setOnAction(event -> action.run());
    }

    private HBox waitingLine() {
        ProgressIndicator progress = new ProgressIndicator();
        progress.setPrefSize(18, 18);
        Button cancel = new Button("Cancel");
        cancel.setAccessibleText("Cancel the sign-in to " + issuer.name());
        cancel.setOnAction(event -> model.cancel());
        HBox line = new HBox(8, progress, waitingMessage, cancel);
        line.setAlignment(Pos.CENTER_LEFT);
        line.getStyleClass().add("waiting");
        return line;
    }
}
