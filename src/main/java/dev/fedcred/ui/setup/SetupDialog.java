package dev.fedcred.ui.setup;

import dev.fedcred.ui.fx.Nodes;
import dev.fedcred.ui.fx.ReadingDialog;
import javafx.scene.control.Label;
import javafx.scene.layout.Priority;
import javafx.scene.layout.VBox;
import javafx.stage.Stage;
import javafx.stage.Window;

/** A target's "Set up in the cloud": the generated documents with your values, to copy into your cloud. */
public final class SetupDialog {
    public static final String TITLE = "Set up in the cloud";

    private SetupDialog() {
    }

    public static Stage open(Window owner, SetupPage page) {
        Label intro = new Label("What your cloud needs so that " + page.targetName() + " works, made from your"
                + " signed-in token (issuer, client ID, user) and the target. Apply one of these in your cloud"
                + " account, then get credentials.");
        Nodes.wrapFully(intro);
        SetupPane pane = new SetupPane(page);
        VBox.setVgrow(pane, Priority.ALWAYS);
        return ReadingDialog.open(owner, TITLE + " \u2014 " + page.targetName(), "setup-dialog",
                root -> root.setPrefSize(760, 600), intro, pane);
    }
}
