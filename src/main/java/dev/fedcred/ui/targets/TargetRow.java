package dev.fedcred.ui.targets;

import atlantafx.base.theme.Styles;
import dev.fedcred.FedcredContext;
import dev.fedcred.core.oidc.TokenSet;
import dev.fedcred.core.status.TargetSnapshot;
import dev.fedcred.core.targets.Target;
import dev.fedcred.core.targets.TargetAction;
import dev.fedcred.core.doctor.DoctorReport;
import dev.fedcred.ui.fx.BackgroundWork;
import dev.fedcred.ui.fx.Confirmation;
import dev.fedcred.ui.fx.Icons;
import dev.fedcred.ui.fx.LocalLayoutSlot;
import dev.fedcred.ui.fx.Nodes;
import dev.fedcred.ui.fx.Ticker;
import dev.fedcred.ui.setup.SetupDialog;
import dev.fedcred.ui.setup.SetupPage;
import dev.fedcred.ui.state.WindowState;
import java.time.Instant;
import java.time.ZoneId;
import java.util.ArrayList;
import java.util.List;
import javafx.application.Platform;
import javafx.beans.value.ChangeListener;
import javafx.collections.MapChangeListener;
import javafx.geometry.Pos;
import javafx.scene.Node;
import javafx.scene.control.Button;
import javafx.scene.control.Label;
import javafx.scene.control.ProgressIndicator;
import javafx.scene.control.Tooltip;
import javafx.scene.layout.FlowPane;
import javafx.scene.layout.HBox;
import javafx.scene.layout.Priority;
import javafx.scene.layout.Region;
import javafx.scene.layout.VBox;

/**
 * One target in the targets section: where its credentials go, which issuer signs in, how long
 * its last credentials stay valid, and the actions that get and remove them. It only builds the
 * nodes and draws its {@link TargetRowModel}, which holds the state and does the work; what
 * differs per kind of target (AWS: Assume role / Remove profile; GCP: Get credentials / Remove
 * credentials) are the words its core kind gives, through {@link TargetKind}. Shows the access key ID at most,
 * never the secret access key, the session token or an access token.
 */
final class TargetRow extends VBox {
    /** The status line's looks, one at a time. */
    private static final List<String> STATUS_STYLES = List.of("signed-in", "ending-soon", "expired");

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

    private final TargetRowModel model;
    private final WindowState state;
    private final Ticker ticker;
    private final Actions actions;
    private final Target target;
    private final TargetKind kind;

    private final Label issuerLine = new Label();
    private final Label status = new Label();
    private final Label workingMessage = new Label();
    private final HBox working = workingLine();
    private final Label notice = new Label();
    private final Label error = new Label();
    private final Button signIn = new Button("Sign in");
    private final HBox errorBox = errorLine();
    private final Button assume = new Button();
    private final Button renew = new Button(TargetRowModel.RENEW);
    private final Button removeProfile = new Button();
    private final Button check = new Button();
    private final Button setUp = new Button(TargetRowModel.SET_UP);
    /** The kind's other actions, such as Open console. */
    private final List<Button> kindActions = new ArrayList<>();
    /** Credentials fedcred holds (credential-process can use them) but whose profile is not in the file. */
    private final Label profileMissing = new Label();
    private final MapChangeListener<String, TokenSet> signedIn = change -> {
        if (change.wasAdded()) {
            model().signedIn(change.getKey());
        }
    };
    private final ChangeListener<Instant> ticked = (observable, before, now) -> showStatus();
    private final FocusKeeper focus = new FocusKeeper(this);
    /** The question the window was last asked to show, so each is asked once. */
    private Confirmation asked;

    TargetRow(FedcredContext context, BackgroundWork work, WindowState state, Ticker ticker, ZoneId zone,
              TargetSnapshot snapshot, Actions actions) {
        this.model = new TargetRowModel(context, work, Platform::runLater, zone, snapshot);
        this.state = state;
        this.ticker = ticker;
        this.actions = actions;
        this.target = snapshot.target();
        this.kind = model.kind();
        getStyleClass().add("target-row");
        setSpacing(4);

        getChildren().add(titleLine(snapshot.builtIn()));
        if (kind != null) {
            kind.details(snapshot).forEach(line -> getChildren().add(detail(line.text(), line.accessibleText())));
        } else {
            // a kind this window does not know yet still shows what it is and where it writes
            getChildren().add(detail("→ " + target.destination(), null));
        }
        issuerLine.getStyleClass().add("target-detail");
        Nodes.wrapFully(issuerLine);
        getChildren().add(issuerLine);

        if (kind != null) {
            status.getStyleClass().add("status");
            Nodes.wrapFully(status);
            profileMissing.getStyleClass().add("hint");
            Nodes.wrapFully(profileMissing);
            // the status counts down each second: laid out alone while its size stays (LocalLayoutSlot)
            getChildren().addAll(new LocalLayoutSlot(status), profileMissing, working, notice, errorBox, actionLine());
            ticker.nowProperty().addListener(ticked);
        } else {
            Label unsupported = new Label(TargetRowModel.UNSUPPORTED);
            unsupported.getStyleClass().add("hint");
            Nodes.wrapFully(unsupported);
            getChildren().addAll(unsupported, working, notice, errorBox);
        }
        model.onChange(this::show);
        show();
        state.tokens().addListener(signedIn);
    }

    Target target() {
        return target;
    }

    /** Fresh facts from a new read of the settings and files; while busy, the running work decides. */
    void update(TargetSnapshot fresh) {
        model.update(fresh);
    }

    /** The row leaves the section. */
    void dispose() {
        state.tokens().removeListener(signedIn);
        ticker.nowProperty().removeListener(ticked);
    }

    /** The model, for the listeners built before the constructor assigns it. */
    private TargetRowModel model() {
        return model;
    }

    /** Draws the model: called after each of its changes. */
    private void show() {
        if (model.busy() && !focus.duringWork()) {
            focus.workStarts(focusable());
        }
        issuerLine.setText(model.issuerLine());
        Nodes.styleAs(issuerLine, model.issuerProblem() ? "field-error" : null, List.of("field-error"));
        showText(workingMessage, working, model.working());
        showText(notice, notice, model.notice());
        showText(error, errorBox, model.error());
        showSignIn();
        if (kind != null) {
            showActions();
            showStatus();
        }
        Confirmation question = model.question();
        if (question != null && question != asked) {
            actions.confirm(question, () -> model.answer(question, true), () -> model.answer(question, false));
        }
        asked = question;
        DoctorReport report = model.takeCheckReport();
        if (report != null) {
            CheckDialog.open(getScene() == null ? null : getScene().getWindow(), target.name(), report);
        }
        SetupPage page = model.takeSetupPage();
        if (page != null) {
            SetupDialog.open(getScene() == null ? null : getScene().getWindow(), page);
        }
        if (!model.busy() && focus.duringWork()) {
            focus.workEnded(assume);
        }
    }

    /** The row's buttons whose work keeps the focus on them. */
    private Button[] focusable() {
        List<Button> buttons = new ArrayList<>(List.of(assume, renew, check, setUp, removeProfile));
        buttons.addAll(kindActions);
        return buttons.toArray(Button[]::new);
    }

    /** Shows {@code text} in {@code label} and shows {@code line}; hides {@code line} when there is no text. */
    private static void showText(Label label, Node line, String text) {
        if (text != null) {
            label.setText(text);
        }
        Nodes.showIf(line, text != null);
    }

    /** When signing in fixes the error, the button is right there. */
    private void showSignIn() {
        String issuer = model.signInIssuer();
        if (issuer != null) {
            signIn.setAccessibleText("Sign in to " + issuer + " for " + target.name());
        }
        Nodes.showIf(signIn, issuer != null);
    }

    private void showActions() {
        assume.setDisable(!model.canGet());
        renew.setDisable(!model.canRenew());
        Nodes.showIf(renew, model.renewShown());
        removeProfile.setDisable(!model.canRemove());
        kindActions.forEach(button -> button.setDisable(!model.canPerform()));
        check.setDisable(model.busy());
        setUp.setDisable(model.busy());
        String missing = model.missingHint();
        profileMissing.setText(missing == null ? kind.missingHint() : missing);
        Nodes.showIf(profileMissing, missing != null);
    }

    private void showStatus() {
        CredentialStatus.Shown shown = model.status(ticker.now());
        status.setText(shown.text());
        status.setAccessibleText(model.spokenStatus(ticker.now()));
        Nodes.styleAs(status, switch (shown.level()) {
            case VALID -> "signed-in";
            case ENDING_SOON -> "ending-soon";
            case EXPIRED -> "expired";
            case NONE -> null;
        }, STATUS_STYLES);
    }

    private Node titleLine(boolean builtIn) {
        Label name = new Label(target.name());
        name.getStyleClass().add("issuer-name");
        name.setMinWidth(0);
        HBox line = new HBox(8, name);
        if (builtIn) {
            Label badge = new Label("SANDBOX");
            badge.getStyleClass().add("badge-sandbox");
            badge.setMinWidth(Region.USE_PREF_SIZE);
            badge.setAccessibleText("sandbox: a built-in target that uses the local emulator");
            line.getChildren().add(badge);
        } else {
            Region spacer = new Region();
            HBox.setHgrow(spacer, Priority.ALWAYS);
            line.getChildren().addAll(spacer, rowAction("Edit", Icons.EDIT, () -> actions.edit(model.snapshot())),
                    rowAction("Delete", Icons.REMOVE, () -> actions.delete(model.snapshot())));
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
        assume.setOnAction(event -> model.get());
        renew.setAccessibleText(TargetRowModel.RENEW + " " + target.name());
        renew.setTooltip(new Tooltip("Get new credentials now and write them again"));
        Icons.RENEW.on(renew);
        renew.getStyleClass().addAll("row-action", Styles.BUTTON_OUTLINED);
        renew.setMinWidth(Region.USE_PREF_SIZE);
        renew.setOnAction(event -> model.renew());
        removeProfile.setText(kind.removeLabel());
        removeProfile.setAccessibleText(kind.removeLabel() + " " + target.name());
        Icons.REMOVE.on(removeProfile);
        removeProfile.getStyleClass().addAll("row-action", Styles.BUTTON_OUTLINED, Styles.DANGER);
        removeProfile.setMinWidth(Region.USE_PREF_SIZE);
        removeProfile.setOnAction(event -> model.remove());
        for (TargetAction action : kind.actions()) {
            kindActions.add(kindAction(action));
        }
        check.setText(TargetRowModel.CHECK);
        check.setAccessibleText(TargetRowModel.CHECK + " " + target.name() + " on this computer");
        check.setTooltip(new Tooltip("Check everything on this computer that this target needs, with a dry run"));
        Icons.CHECK.on(check);
        check.getStyleClass().addAll("row-action", Styles.BUTTON_OUTLINED);
        check.setMinWidth(Region.USE_PREF_SIZE);
        check.setOnAction(event -> model.check());
        setUp.setAccessibleText(TargetRowModel.SET_UP + " for " + target.name());
        setUp.setTooltip(new Tooltip("Show what your cloud account needs for this target, made from your sign-in, to copy"));
        Icons.CLOUD.on(setUp);
        setUp.getStyleClass().addAll("row-action", Styles.BUTTON_OUTLINED);
        setUp.setMinWidth(Region.USE_PREF_SIZE);
        setUp.setOnAction(event -> model.setUp());
        // wraps rather than widening the column when a kind brings more buttons than fit
        FlowPane line = new FlowPane(8, 6, assume, renew);
        line.getChildren().addAll(kindActions);
        line.getChildren().add(check);
        if (model.setUpOffered()) {
            line.getChildren().add(setUp);
        }
        line.getChildren().add(removeProfile);
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

    /** The error and, when signing in fixes it, the Sign in button right there. */
    private HBox errorLine() {
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
            if (model.signInIssuer() != null) {
                actions.signIn(model.signInIssuer());
            }
        });
        HBox line = new HBox(8, error, signIn);
        line.setAlignment(Pos.CENTER_LEFT);
        line.getStyleClass().add("error");
        return line;
    }

    private Button kindAction(TargetAction action) {
        Button button = new Button(action.label());
        button.setAccessibleText(action.accessibleText());
        Icons.OPEN_EXTERNAL.on(button);
        button.getStyleClass().addAll("row-action", Styles.BUTTON_OUTLINED);
        button.setMinWidth(Region.USE_PREF_SIZE);
        button.setOnAction(event -> model.perform(action));
        return button;
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
