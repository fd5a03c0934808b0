package dev.fedcred.ui.preferences;

import dev.fedcred.ui.fx.Resources;
import java.util.Objects;
import javafx.geometry.Pos;
import javafx.scene.Node;
import javafx.scene.Scene;
import javafx.scene.control.Button;
import javafx.scene.control.Label;
import javafx.scene.layout.HBox;
import javafx.scene.layout.VBox;
import javafx.stage.Modality;
import javafx.stage.Stage;
import javafx.stage.Window;

/**
 * The app's preferences, one section under another. Each section is a node that saves its own
 * choice as soon as it is made, so the dialog has no Save: {@link #add} is all a new preference
 * needs. Escape or Close closes it.
 */
public final class PreferencesDialog {
    public static final String TITLE = "Preferences";

    private final Stage stage = new Stage();
    private final VBox sections = new VBox(18);

    public PreferencesDialog(Window owner) {
        Button close = new Button("Close");
        close.setCancelButton(true);
        close.setDefaultButton(true);
        close.setAccessibleText("Close the preferences");
        close.setOnAction(event -> stage.close());
        HBox buttons = new HBox(close);
        buttons.setAlignment(Pos.CENTER_RIGHT);

        VBox root = new VBox(18, sections, buttons);
        root.getStyleClass().add("preferences-dialog");
        root.getStylesheets().add(Objects.requireNonNull(getClass().getResource(Resources.STYLESHEET)).toExternalForm());
        root.setPrefWidth(460);
        stage.setTitle(TITLE);
        stage.initModality(Modality.WINDOW_MODAL);
        if (owner != null) {
            stage.initOwner(owner);
        }
        stage.setScene(new Scene(root));
        // a section that fills in later (a status read in the background) grows the dialog instead of hiding Close
        root.needsLayoutProperty().addListener((observable, was, needsLayout) -> {
            if (!needsLayout && stage.isShowing() && root.prefHeight(root.getWidth()) > root.getHeight() + 0.5) {
                stage.sizeToScene();
            }
        });
    }

    /** Adds a section under those already there: a heading, then the section's own controls. */
    public PreferencesDialog add(String heading, Node content) {
        Label title = new Label(heading);
        title.getStyleClass().add("section");
        sections.getChildren().add(new VBox(8, title, content));
        return this;
    }

    public void show() {
        stage.sizeToScene();
        stage.show();
        stage.toFront();
    }

    public boolean isShowing() {
        return stage.isShowing();
    }

    public void close() {
        stage.close();
    }
}
