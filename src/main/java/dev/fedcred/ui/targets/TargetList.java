package dev.fedcred.ui.targets;

import dev.fedcred.FedcredContext;
import dev.fedcred.core.status.TargetSnapshot;
import dev.fedcred.core.targets.Target;
import dev.fedcred.ui.fx.BackgroundWork;
import dev.fedcred.ui.fx.Confirmation;
import dev.fedcred.ui.fx.ConfirmationAlert;
import dev.fedcred.ui.fx.FilePicker;
import dev.fedcred.ui.fx.Nodes;
import dev.fedcred.ui.fx.Ticker;
import dev.fedcred.ui.state.DesktopState;
import dev.fedcred.ui.state.WindowState;
import java.time.ZoneId;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.function.Consumer;
import javafx.geometry.Pos;
import javafx.scene.Node;
import javafx.scene.control.Alert;
import javafx.scene.control.Label;
import javafx.scene.layout.HBox;
import javafx.scene.layout.Priority;
import javafx.scene.layout.Region;
import javafx.scene.layout.VBox;
import javafx.stage.Window;

/**
 * The targets section: one {@link TargetRow} per target, the user's and the built-in sandbox
 * ones. Everything it shows is read off the FX thread; rows whose target did not change are
 * kept across a reload, so an assume in progress goes on.
 */
public final class TargetList extends VBox {
    static final String TITLE = "Targets";
    static final String HINT = "Short-lived cloud credentials from your sign-in, written where the cloud tools look.";

    private final FedcredContext context;
    private final BackgroundWork work;
    private final WindowState state;
    private final Ticker ticker;
    private final ZoneId zone;
    private final TargetEditing editing;
    private final TargetRow.Actions actions;
    /** The rows shown, by target name, in the list's order. FX thread only. */
    private final Map<String, TargetRow> rows = new LinkedHashMap<>();
    private final VBox rowBox = new VBox(10);
    private final Label problem = new Label();
    private Alert confirmation;

    /** @param signIn starts the browser sign-in of the named issuer */
    public TargetList(FedcredContext context, BackgroundWork work, WindowState state, DesktopState desktop, ZoneId zone,
               FilePicker picker, Consumer<String> signIn) {
        this.context = context;
        this.work = work;
        this.state = state;
        this.ticker = desktop.ticker();
        this.zone = zone;
        this.editing = new TargetEditing(context, work, picker, this::owner, desktop::refresh);
        this.actions = new TargetRow.Actions() {
            @Override
            public void signIn(String issuerName) {
                signIn.accept(issuerName);
            }

            @Override
            public void confirm(Confirmation question, Runnable onConfirm, Runnable onCancel) {
                ask(question, onConfirm, onCancel);
            }

            @Override
            public void edit(TargetSnapshot snapshot) {
                editing.edit(snapshot);
            }

            @Override
            public void delete(TargetSnapshot snapshot) {
                editing.delete(snapshot);
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
        Region spacer = new Region();
        HBox.setHgrow(spacer, Priority.ALWAYS);
        HBox header = new HBox(8, title, spacer, editing.addButton());
        header.setAlignment(Pos.CENTER_LEFT);
        getChildren().addAll(new VBox(2, header, hint), editing.notice(), problem, rowBox);
        desktop.snapshotProperty().addListener((observable, before, snapshot) -> showRows(snapshot.targets()));
    }

    /** A sentence about the targets, under the section's header, e.g. what a sign-out removed. */
    public void showNotice(String text) {
        editing.showNotice(text);
    }

    /** Closes a question still open; background work ends with the window's BackgroundWork. */
    public void close() {
        if (confirmation != null) {
            confirmation.close();
        }
        editing.close();
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
            Label none = new Label("No targets yet. Add one with " + TargetEditing.ADD_TARGET + "….");
            none.getStyleClass().add("placeholder");
            Nodes.wrapFully(none);
            shown.add(none);
        }
        Nodes.showChildren(rowBox, shown);
    }

    private void ask(Confirmation question, Runnable onConfirm, Runnable onCancel) {
        if (confirmation != null) {
            confirmation.close();
        }
        confirmation = ConfirmationAlert.show(question, owner(), onConfirm, onCancel);
    }

    private Window owner() {
        return getScene() == null ? null : getScene().getWindow();
    }
}
