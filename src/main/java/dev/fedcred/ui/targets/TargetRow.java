package dev.fedcred.ui.targets;

import atlantafx.base.theme.Styles;
import dev.fedcred.FedcredContext;
import dev.fedcred.core.oidc.TokenSet;
import dev.fedcred.core.renewal.RenewalOutcome;
import dev.fedcred.core.session.BrowserSignIn;
import dev.fedcred.core.status.TargetSnapshot;
import dev.fedcred.core.aws.AwsRoleTarget;
import dev.fedcred.core.targets.Target;
import dev.fedcred.ui.fx.BackgroundWork;
import dev.fedcred.ui.fx.Confirmation;
import dev.fedcred.ui.fx.Icons;
import dev.fedcred.ui.fx.Nodes;
import dev.fedcred.ui.fx.Ticker;
import dev.fedcred.ui.fx.TimeText;
import dev.fedcred.ui.fx.UserMessages;
import dev.fedcred.ui.state.WindowState;
import java.time.Instant;
import java.time.ZoneId;
import javafx.beans.binding.Bindings;
import javafx.beans.property.ObjectProperty;
import javafx.beans.property.SimpleObjectProperty;
import javafx.beans.value.ChangeListener;
import javafx.beans.value.ObservableValue;
import javafx.collections.MapChangeListener;
import javafx.geometry.Pos;
import javafx.scene.Node;
import javafx.scene.control.Button;
import javafx.scene.control.ButtonBar;
import javafx.scene.control.ButtonType;
import javafx.scene.control.Label;
import javafx.scene.control.ProgressIndicator;
import javafx.scene.control.Tooltip;
import javafx.scene.layout.HBox;
import javafx.scene.layout.Priority;
import javafx.scene.layout.Region;
import javafx.scene.layout.VBox;

/**
 * One target in the targets section: where its credentials go, which issuer signs in, how long
 * its last credentials stay valid, and the actions that get and remove them. What differs per
 * kind of target ({@link AwsKind}: Assume role / Remove profile; {@link GcpKind}: Get credentials /
 * Remove credentials) is in its {@link TargetKind}. Shows the access key ID at most, never the
 * secret access key, the session token or an access token.
 */
final class TargetRow extends VBox {
    static final String ASSUME = "Assume role";
    static final String REMOVE_PROFILE = "Remove profile";
    static final String RENEW = "Renew";
    static final String BACKUP_SUFFIX = ".fedcred-backup";
    static final ButtonType REPLACE = new ButtonType("Replace", ButtonBar.ButtonData.OK_DONE);
    static final ButtonType REMOVE = new ButtonType("Remove", ButtonBar.ButtonData.OK_DONE);

    /** What the row needs from the window around it. */
    interface Actions {
        /** Starts the browser sign-in of that issuer, as its own row's Sign in does. */
        void signIn(String issuerName);

        /** Asks first; runs {@code onConfirm} or {@code onCancel} on the FX thread. */
        void confirm(Confirmation confirmation, Runnable onConfirm, Runnable onCancel);

        /** Opens the target's dialog. */
        void edit(TargetSnapshot snapshot);

        /** Asks, then deletes the target. */
        void delete(TargetSnapshot snapshot);
    }

    private final FedcredContext context;
    private final BackgroundWork work;
    private final WindowState state;
    private final Actions actions;
    private final ZoneId zone;
    private final Target target;
    /** Null for a kind of target the window cannot get credentials for yet. */
    private final TargetKind kind;

    private final ObjectProperty<Instant> expiration = new SimpleObjectProperty<>();
    private final Label issuerLine = new Label();
    private final Label status = new Label();
    private final Label workingMessage = new Label();
    private final HBox working;
    private final Label notice = new Label();
    private final Label error = new Label();
    private final Button signIn = new Button("Sign in");
    private final HBox errorBox;
    private final Button assume = new Button();
    private final Button renew = new Button(RENEW);
    private final Button removeProfile = new Button();
    private final MapChangeListener<String, TokenSet> signedIn = this::issuerSignedIn;
    /** Credentials fedcred holds (credential-process can use them) but whose profile is not in the file. */
    private final Label profileMissing = new Label();

    private TargetSnapshot snapshot;
    private boolean busy;
    /** The issuer the error's Sign in button signs in to; null when the error is not about signing in. */
    private String signInIssuer;
    /** The button that had the focus when work started, and where the focus went when it was disabled. */
    private Button focusToRestore;
    private Node focusWentTo;
    private final ChangeListener<Node> focusMoved = new ChangeListener<>() {
        @Override
        public void changed(ObservableValue<? extends Node> observable, Node before, Node now) {
            // the focus passes through null on its way to the next focusable node
            if (now != null) {
                focusWentTo = now;
                observable.removeListener(this);
            }
        }
    };

    TargetRow(FedcredContext context, BackgroundWork work, WindowState state, Ticker ticker, ZoneId zone,
              TargetSnapshot snapshot, Actions actions) {
        this.context = context;
        this.work = work;
        this.state = state;
        this.actions = actions;
        this.zone = zone;
        this.target = snapshot.target();
        this.kind = TargetKind.of(snapshot);
        this.snapshot = snapshot;
        getStyleClass().add("target-row");
        setSpacing(4);

        getChildren().add(titleLine());
        if (kind != null) {
            kind.details(snapshot).forEach(line -> getChildren().add(detail(line.text(), line.accessibleText())));
        } else {
            // a kind this window does not know yet still shows what it is and where it writes
            getChildren().add(detail("→ " + target.destination(), null));
        }
        issuerLine.getStyleClass().add("target-detail");
        Nodes.wrapFully(issuerLine);
        getChildren().add(issuerLine);

        working = workingLine();
        notice.getStyleClass().add("notice");
        Nodes.wrapFully(notice);
        error.getStyleClass().add("error-text");
        Nodes.wrapFully(error);
        error.setMaxWidth(Double.MAX_VALUE);
        HBox.setHgrow(error, Priority.ALWAYS);
        signIn.setMinWidth(Region.USE_PREF_SIZE);
        signIn.getStyleClass().add(Styles.ACCENT);
        Icons.SIGN_IN.on(signIn);
        signIn.setOnAction(event -> {
            if (signInIssuer != null) {
                actions.signIn(signInIssuer);
            }
        });
        errorBox = new HBox(8, error, signIn);
        errorBox.setAlignment(Pos.CENTER_LEFT);
        errorBox.getStyleClass().add("error");
        Nodes.hide(working);
        Nodes.hide(notice);
        Nodes.hide(errorBox);

        if (kind != null) {
            status.getStyleClass().add("status");
            Nodes.wrapFully(status);
            status.textProperty().bind(Bindings.createStringBinding(
                    () -> CredentialStatus.describe(expiration.get(), ticker.now(), zone).text(),
                    ticker.nowProperty(), expiration));
            status.accessibleTextProperty().bind(Bindings.createStringBinding(
                    () -> CredentialStatus.spoken(kind.credentialsName(), expiration.get(), ticker.now()),
                    ticker.nowProperty(), expiration));
            status.textProperty().addListener((observable, before, text) -> styleStatus(ticker, zone));
            styleStatus(ticker, zone);
            profileMissing.getStyleClass().add("hint");
            Nodes.wrapFully(profileMissing);
            Nodes.hide(profileMissing);
            getChildren().addAll(status, profileMissing, working, notice, errorBox, actionLine());
        } else {
            Label unsupported = new Label("The desktop window cannot get credentials for this kind of target yet.");
            unsupported.getStyleClass().add("hint");
            Nodes.wrapFully(unsupported);
            getChildren().addAll(unsupported, working, notice, errorBox);
        }
        update(snapshot);
        state.tokens().addListener(signedIn);
    }

    Target target() {
        return target;
    }

    /** Fresh facts from a new read of the settings and files; while busy, the running work decides. */
    void update(TargetSnapshot fresh) {
        snapshot = fresh;
        if (fresh.issuerName() != null) {
            issuerLine.setText("Signs in with " + fresh.issuerName()
                    + (target.issuer() == null ? " (the default issuer)" : ""));
            issuerLine.getStyleClass().remove("field-error");
        } else {
            issuerLine.setText(fresh.issuerProblem());
            issuerLine.getStyleClass().add("field-error");
        }
        if (!busy) {
            expiration.set(fresh.expiration());
        }
        enableActions();
    }

    /** The row leaves the section. */
    void dispose() {
        state.tokens().removeListener(signedIn);
    }

    private Node titleLine() {
        Label name = new Label(target.name());
        name.getStyleClass().add("issuer-name");
        name.setMinWidth(0);
        HBox line = new HBox(8, name);
        if (snapshot.builtIn()) {
            Label badge = new Label("SANDBOX");
            badge.getStyleClass().add("badge-sandbox");
            badge.setMinWidth(Region.USE_PREF_SIZE);
            badge.setAccessibleText("sandbox: a built-in target that uses the local emulator");
            line.getChildren().add(badge);
        } else {
            Region spacer = new Region();
            HBox.setHgrow(spacer, Priority.ALWAYS);
            line.getChildren().addAll(spacer, rowAction("Edit", Icons.EDIT, () -> actions.edit(snapshot)),
                    rowAction("Delete", Icons.REMOVE, () -> actions.delete(snapshot)));
        }
        line.setAlignment(Pos.CENTER_LEFT);
        return line;
    }

    private Node actionLine() {
        assume.setText(kind.getLabel());
        assume.setAccessibleText(kind.getLabel() + " " + target.name());
        assume.getStyleClass().add(Styles.ACCENT);
        Icons.GET_CREDENTIALS.on(assume);
        assume.setMinWidth(Region.USE_PREF_SIZE);
        assume.setOnAction(event -> assume(false));
        renew.setAccessibleText(RENEW + " " + target.name());
        renew.setTooltip(new Tooltip("Get new credentials now and write them again"));
        Icons.RENEW.on(renew);
        renew.getStyleClass().addAll("row-action", Styles.BUTTON_OUTLINED);
        renew.setMinWidth(Region.USE_PREF_SIZE);
        renew.setOnAction(event -> renew());
        removeProfile.setText(kind.removeLabel());
        removeProfile.setAccessibleText(kind.removeLabel() + " " + target.name());
        Icons.REMOVE.on(removeProfile);
        removeProfile.getStyleClass().addAll("row-action", Styles.BUTTON_OUTLINED, Styles.DANGER);
        removeProfile.setMinWidth(Region.USE_PREF_SIZE);
        removeProfile.setOnAction(event -> confirmRemove());
        HBox line = new HBox(8, assume, renew, removeProfile);
        line.setAlignment(Pos.CENTER_LEFT);
        line.getStyleClass().add("target-actions");
        return line;
    }

    private HBox workingLine() {
        ProgressIndicator progress = new ProgressIndicator();
        progress.setPrefSize(18, 18);
        progress.setMinSize(18, 18);
        Nodes.wrapFully(workingMessage);
        HBox line = new HBox(8, progress, workingMessage);
        line.setAlignment(Pos.CENTER_LEFT);
        line.getStyleClass().add("waiting");
        return line;
    }

    private void assume(boolean force) {
        if (busy) {
            return;
        }
        String issuerName = snapshot.issuerName();
        startWork(kind.gettingMessage());
        work.run(() -> {
            TargetKind.Got got = kind.get(context, force);
            return got;
        }, this::written, failure -> {
            endWork();
            Confirmation replace = force ? null : kind.replaceQuestion(failure);
            if (replace != null) {
                snapshot = withWritten(true);
                enableActions();
                actions.confirm(replace, () -> assume(true), () -> showNotice(kind.keptNotice(failure)));
            } else {
                showError(failure, issuerName);
            }
        });
    }

    /** Renew: new credentials now, whatever time the current ones have left, written where they were. */
    private void renew() {
        if (busy) {
            return;
        }
        String issuerName = snapshot.issuerName();
        startWork("Renewing " + target.name() + "…");
        work.run(() -> {
            RenewalOutcome outcome = context.renewer().renewNow(target);
            if (!outcome.succeeded()) {
                throw outcome.failure();
            }
            String notice = "Renewed " + target.name() + ": new credentials written, valid until "
                    + TimeText.local(outcome.renewedUntil(), zone);
            return new TargetKind.Got(outcome.renewedUntil(), notice);
        }, this::written, failure -> {
            endWork();
            showError(failure, issuerName);
        });
    }

    /**
     * New credentials are in the file: the countdown restarts. An ID token renewed on the way
     * reaches the issuer row through the window's state, which hears every stored sign-in.
     */
    private void written(TargetKind.Got got) {
        endWork();
        expiration.set(got.expiration());
        snapshot = withWritten(true);
        enableActions();
        showNotice(got.notice());
    }

    private void confirmRemove() {
        if (busy) {
            return;
        }
        TargetSnapshot asked = snapshot;
        actions.confirm(kind.removeQuestion(asked), () -> remove(asked), () -> { });
    }

    private void remove(TargetSnapshot asked) {
        if (busy) {
            return;
        }
        startWork(kind.removingMessage());
        work.run(() -> kind.remove(context, asked), removed -> {
            endWork();
            snapshot = withWritten(removed.fileThere());
            enableActions();
            showNotice(removed.notice());
        }, failure -> {
            endWork();
            showError(failure, null);
        });
    }

    private void startWork(String message) {
        busy = true;
        Nodes.hide(notice);
        Nodes.hide(errorBox);
        workingMessage.setText(message);
        Nodes.show(working);
        // disabling the focused button sends the focus elsewhere (at the next pulse); it comes
        // back when the work ends, unless the user has put it somewhere else meanwhile
        Node focused = focusOwner();
        focusToRestore = focused == assume || focused == renew || focused == removeProfile ? (Button) focused : null;
        focusWentTo = null;
        if (focusToRestore != null) {
            getScene().focusOwnerProperty().addListener(focusMoved);
        }
        enableActions();
    }

    private void endWork() {
        busy = false;
        Nodes.hide(working);
        enableActions();
        if (getScene() != null) {
            getScene().focusOwnerProperty().removeListener(focusMoved);
        }
        if (focusToRestore != null && focusWentTo != null && focusOwner() == focusWentTo) {
            (focusToRestore.isDisabled() ? assume : focusToRestore).requestFocus();
        }
        focusToRestore = null;
        focusWentTo = null;
    }

    private Node focusOwner() {
        return getScene() == null ? null : getScene().getFocusOwner();
    }

    private void enableActions() {
        assume.setDisable(busy);
        renew.setDisable(busy);
        // Renew is for credentials fedcred holds and wrote; before the first ones, Assume gets them
        boolean renewable = snapshot.written() && expiration.get() != null;
        renew.setVisible(renewable);
        renew.setManaged(renewable);
        removeProfile.setDisable(busy || !snapshot.written());
        if (kind != null) {
            boolean missing = !busy && !snapshot.written() && expiration.get() != null;
            profileMissing.setText(kind.missingHint());
            profileMissing.setVisible(missing);
            profileMissing.setManaged(missing);
        }
    }

    private void showNotice(String text) {
        Nodes.hide(errorBox);
        notice.setText(text);
        Nodes.show(notice);
    }

    /** The failure's message says what to do; when that is signing in again, the button is right there. */
    private void showError(Throwable failure, String issuerName) {
        Nodes.hide(notice);
        error.setText(UserMessages.of(failure));
        signInIssuer = BrowserSignIn.issuerFor(failure, issuerName).orElse(null);
        if (signInIssuer != null) {
            signIn.setAccessibleText("Sign in to " + signInIssuer + " for " + target.name());
        }
        signIn.setVisible(signInIssuer != null);
        signIn.setManaged(signInIssuer != null);
        Nodes.show(errorBox);
    }

    /** Signed in after being asked to: the error has done its job. */
    private void issuerSignedIn(MapChangeListener.Change<? extends String, ? extends TokenSet> change) {
        if (change.wasAdded() && signInIssuer != null && signInIssuer.equals(change.getKey()) && errorBox.isVisible()) {
            signInIssuer = null;
            showNotice("Signed in to " + change.getKey() + ". "
                    + (kind == null ? ASSUME : kind.getLabel()) + " now gets the credentials.");
        }
    }

    private void styleStatus(Ticker ticker, ZoneId zone) {
        status.getStyleClass().removeAll("signed-in", "ending-soon", "expired");
        switch (CredentialStatus.describe(expiration.get(), ticker.now(), zone).level()) {
            case VALID -> status.getStyleClass().add("signed-in");
            case ENDING_SOON -> status.getStyleClass().add("ending-soon");
            case EXPIRED -> status.getStyleClass().add("expired");
            case NONE -> { }
        }
    }

    private TargetSnapshot withWritten(boolean inFile) {
        TargetSnapshot s = snapshot;
        return new TargetSnapshot(s.target(), s.kindId(), s.builtIn(), s.issuerName(), s.issuerProblem(), s.expiration(), inFile,
                s.credentialsFile());
    }

    /** "fedcred-sandbox" from arn:aws:iam::000000000000:role/fedcred-sandbox; a path stays. */
    static String roleName(AwsRoleTarget aws) {
        int at = aws.roleArn().indexOf(":role/");
        return at < 0 ? aws.roleArn() : aws.roleArn().substring(at + ":role/".length());
    }

    /** Edit and Delete: only the user's own targets have them. */
    private Button rowAction(String text, Icons icon, Runnable action) {
        Button button = new Button(text);
        icon.on(button);
        // "Edit target": an issuer of the same name has its own Edit
        button.setAccessibleText(text + " target " + target.name() + "…");
        button.getStyleClass().addAll("row-action", Styles.BUTTON_OUTLINED);
        button.setMinWidth(Region.USE_PREF_SIZE);
        button.setOnAction(event -> action.run());
        return button;
    }

    private static Label detail(String text, String accessibleText) {
        Label label = new Label(text);
        label.getStyleClass().add("target-detail");
        if (accessibleText != null) {
            label.setAccessibleText(accessibleText);
        }
        Nodes.wrapFully(label);
        return label;
    }

}
