package dev.fedcred.ui.setup;

import dev.fedcred.ui.fx.Nodes;
import dev.fedcred.ui.fx.Resources;
import java.util.Objects;
import javafx.scene.Scene;
import javafx.scene.control.Button;
import javafx.scene.control.Label;
import javafx.scene.layout.HBox;
import javafx.scene.layout.Priority;
import javafx.scene.layout.Region;
import javafx.scene.layout.VBox;
import javafx.stage.Modality;
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
        Stage stage = new Stage();
        Button close = new Button("Close");
        close.setCancelButton(true);
        close.setDefaultButton(true);
        close.setOnAction(event -> stage.close());
        Region spacer = new Region();
        HBox.setHgrow(spacer, Priority.ALWAYS);
        SetupPane pane = new SetupPane(page);
        VBox.setVgrow(pane, Priority.ALWAYS);
        VBox root = new VBox(12, intro, pane, new HBox(8, spacer, close));
        root.getStyleClass().add("setup-dialog");
        root.getStylesheets().add(Objects.requireNonNull(SetupDialog.class.getResource(Resources.STYLESHEET)).toExternalForm());
        root.setPrefSize(760, 600);
        stage.setTitle(TITLE + " \u2014 " + page.targetName());
        stage.initModality(Modality.WINDOW_MODAL);
        if (owner != null) {
            stage.initOwner(owner);
        }
        stage.setScene(new Scene(root));
        stage.show();
        return stage;
    }
}
