package dev.fedcred.ui.issuers;

import dev.fedcred.ui.fx.Nodes;
import dev.fedcred.ui.fx.Ticker;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import javafx.scene.control.Label;
import javafx.scene.layout.VBox;

/** The issuers' rows, one per row model in the order given; a model kept from the last read keeps its row. */
public final class IssuerList extends VBox {
    private final Ticker ticker;
    private final IssuerRow.Actions actions;
    /** The rows shown, by their model. FX thread only. */
    private final Map<IssuerRowModel, IssuerRow> rows = new HashMap<>();

    public IssuerList(Ticker ticker, IssuerRow.Actions actions) {
        super(10);
        this.ticker = ticker;
        this.actions = actions;
        getStyleClass().add("issuer-list");
        getChildren().add(new Label("Loading issuers…"));
    }

    /** Shows these rows; a sign-in waiting in a row that stays goes on showing. */
    public void show(List<IssuerRowModel> models) {
        Map<IssuerRowModel, IssuerRow> before = new HashMap<>(rows);
        rows.clear();
        List<IssuerRow> shown = new ArrayList<>();
        for (IssuerRowModel model : models) {
            IssuerRow row = before.remove(model);
            if (row == null) {
                row = new IssuerRow(model, ticker, actions);
            }
            rows.put(model, row);
            shown.add(row);
        }
        Nodes.showChildren(this, shown);
        before.values().forEach(IssuerRow::dispose);
    }
}
