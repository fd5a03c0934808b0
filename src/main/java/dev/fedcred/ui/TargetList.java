package dev.fedcred.ui;

import dev.fedcred.FedcredContext;
import dev.fedcred.core.oidc.TokenSet;
import java.time.ZoneId;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.function.Consumer;
import javafx.scene.Node;
import javafx.scene.control.Alert;
import javafx.scene.control.ButtonType;
import javafx.scene.control.Label;
import javafx.scene.layout.Region;
import javafx.scene.layout.VBox;
import javafx.stage.Window;

/**
 * The targets section: one {@link TargetRow} per target, the user's and the built-in sandbox
 * ones. Everything it shows is read off the FX thread; rows whose target did not change are
 * kept across a reload, so an assume in progress goes on.
 */
final class TargetList extends VBox {
    static final String TITLE = "Targets";
    static final String HINT = "Short-lived cloud credentials from your sign-in, written where the cloud tools look.";

    private final FedcredContext context;
    private final BackgroundWork work;
    private final WindowState state;
    private final Ticker ticker;
    private final ZoneId zone;
    private final TargetRow.Actions actions;
    /** The rows shown, by target name, in the list's order. FX thread only. */
    private final Map<String, TargetRow> rows = new LinkedHashMap<>();
    private final VBox rowBox = new VBox(10);
    private final Label problem = new Label();
    private Alert confirmation;

    /**
     * @param signIn  starts the browser sign-in of the named issuer
     * @param renewed takes an ID token that assuming a role renewed on the way
     */
    TargetList(FedcredContext context, BackgroundWork work, WindowState state, Ticker ticker, ZoneId zone,
               Consumer<String> signIn, Consumer<TokenSet> renewed) {
        this.context = context;
        this.work = work;
        this.state = state;
        this.ticker = ticker;
        this.zone = zone;
        this.actions = new TargetRow.Actions() {
            @Override
            public void signIn(String issuerName) {
                signIn.accept(issuerName);
            }

            @Override
            public void renewed(TokenSet tokens) {
                renewed.accept(tokens);
            }

            @Override
            public void confirm(TargetRow.Confirmation question, Runnable onConfirm, Runnable onCancel) {
                ask(question, onConfirm, onCancel);
            }
        };
        getStyleClass().add("target-list");
        setSpacing(8);

        Label title = new Label(TITLE);
        title.getStyleClass().add("list-title");
        Label hint = new Label(HINT);
        hint.getStyleClass().add("hint");
        Nodes.wrapFully(hint);
        problem.getStyleClass().add("error");
        Nodes.wrapFully(problem);
        Nodes.hide(problem);
        rowBox.getChildren().add(new Label("Loading targets…"));
        getChildren().addAll(new VBox(2, title, hint), problem, rowBox);
    }

    /** Reads the targets, their issuers, cached expiries and the credentials file again. */
    void refresh() {
        work.run(() -> TargetSnapshots.read(context), this::showRows, failure -> {
            if (rows.isEmpty()) {
                rowBox.getChildren().clear();
            }
            problem.setText("Cannot show the targets: " + UserMessages.of(failure));
            Nodes.show(problem);
        });
    }

    /** Closes a question still open; background work ends with the window's BackgroundWork. */
    void close() {
        if (confirmation != null) {
            confirmation.close();
        }
        rows.values().forEach(TargetRow::dispose);
    }

    private void showRows(List<TargetSnapshot> snapshots) {
        Nodes.hide(problem);
        Map<String, TargetRow> before = new LinkedHashMap<>(rows);
        rows.clear();
        List<Node> shown = new ArrayList<>();
        for (TargetSnapshot snapshot : snapshots) {
            TargetRow row = before.remove(snapshot.target().name());
            if (row != null && row.target().equals(snapshot.target())) {
                row.update(snapshot);
            } else {
                if (row != null) {
                    row.dispose();
                }
                row = new TargetRow(context, work, state, ticker, zone, snapshot, actions);
            }
            rows.put(snapshot.target().name(), row);
            shown.add(row);
        }
        before.values().forEach(TargetRow::dispose);
        if (shown.isEmpty()) {
            Label none = new Label("No targets yet. Add one with `fedcred targets add-aws`.");
            none.getStyleClass().add("placeholder");
            Nodes.wrapFully(none);
            shown.add(none);
        }
        rowBox.getChildren().setAll(shown);
    }

    private void ask(TargetRow.Confirmation question, Runnable onConfirm, Runnable onCancel) {
        if (confirmation != null) {
            confirmation.close();
        }
        Alert alert = new Alert(Alert.AlertType.CONFIRMATION, question.text(), question.proceed(), ButtonType.CANCEL);
        alert.setTitle(question.title());
        alert.setHeaderText(null);
        alert.getDialogPane().getStylesheets().add(
                Objects.requireNonNull(getClass().getResource(MainWindow.STYLESHEET)).toExternalForm());
        alert.getDialogPane().lookupButton(question.proceed()).setAccessibleText(question.proceedAccessibleText());
        alert.getDialogPane().lookupButton(ButtonType.CANCEL).setAccessibleText(question.cancelAccessibleText());
        // the paths are long: the dialog's own label would cut the question off with "…", so
        // the text goes into a label that wraps and keeps its full height
        Label content = new Label(question.text());
        content.getStyleClass().add("content");
        content.setWrapText(true);
        content.setMinHeight(Region.USE_PREF_SIZE);
        content.setPrefWidth(500);
        alert.getDialogPane().setContent(content);
        alert.getDialogPane().setMinHeight(Region.USE_PREF_SIZE);
        Window owner = getScene() == null ? null : getScene().getWindow();
        if (owner != null) {
            alert.initOwner(owner);
        }
        alert.resultProperty().addListener((observable, was, result) -> {
            if (result == question.proceed()) {
                onConfirm.run();
            } else if (result != null) {
                onCancel.run();
            }
        });
        confirmation = alert;
        alert.show();
    }
}
