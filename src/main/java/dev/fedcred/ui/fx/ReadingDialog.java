package dev.fedcred.ui.fx;

import java.util.Objects;
import java.util.function.Consumer;
import javafx.scene.Node;
import javafx.scene.Scene;
import javafx.scene.control.Button;
import javafx.scene.layout.HBox;
import javafx.scene.layout.Priority;
import javafx.scene.layout.Region;
import javafx.scene.layout.VBox;
import javafx.stage.Modality;
import javafx.stage.Stage;
import javafx.stage.Window;

/**
 * A window-modal dialog to read, not to fill in: its content above one Close button, which Enter
 * and Escape press. The Check and the "Set up in the cloud" dialogs are this.
 */
public final class ReadingDialog {
    private ReadingDialog() {
    }

    /**
     * Shows {@code content} titled {@code title} over {@code owner} (none: a window of its own).
     * {@code root} receives the dialog's root (style class {@code styleClass}, the app's stylesheet),
     * so the caller can size it. FX thread.
     */
    public static Stage open(Window owner, String title, String styleClass, Consumer<VBox> root,
                             Node... content) {
        Stage stage = new Stage();
        Button close = new Button("Close");
        close.setCancelButton(true);
        close.setDefaultButton(true);
        close.setOnAction(event -> stage.close());
        Region spacer = new Region();
        HBox.setHgrow(spacer, Priority.ALWAYS);
        VBox box = new VBox(12, content);
        box.getChildren().add(new HBox(8, spacer, close));
        box.getStyleClass().add(styleClass);
        box.getStylesheets().add(Objects.requireNonNull(ReadingDialog.class.getResource(Resources.STYLESHEET)).toExternalForm());
        root.accept(box);
        stage.setTitle(title);
        stage.initModality(Modality.WINDOW_MODAL);
        if (owner != null) {
            stage.initOwner(owner);
        }
        stage.setScene(new Scene(box));
        stage.show();
        return stage;
    }
}
