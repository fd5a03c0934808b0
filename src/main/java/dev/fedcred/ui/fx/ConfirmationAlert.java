package dev.fedcred.ui.fx;

import java.util.Objects;
import javafx.scene.Node;
import javafx.scene.control.Alert;
import javafx.scene.control.ButtonType;
import javafx.scene.control.Label;
import javafx.scene.layout.Region;
import javafx.scene.layout.VBox;
import javafx.stage.Window;

/** A question before something that changes files: one button that goes ahead, and Cancel. */
public final class ConfirmationAlert {
    private ConfirmationAlert() {
    }

    /**
     * Shows the question; {@code onConfirm} or {@code onCancel} runs on the FX thread.
     *
     * @param extra shown under the question, such as a check box for something to do as well
     */
    public static Alert show(Confirmation question, Window owner, Runnable onConfirm, Runnable onCancel,
                      Node... extra) {
        Alert alert = new Alert(Alert.AlertType.CONFIRMATION, question.text(), question.proceed(), ButtonType.CANCEL);
        alert.setTitle(question.title());
        alert.setHeaderText(null);
        alert.getDialogPane().getStylesheets().add(
                Objects.requireNonNull(ConfirmationAlert.class.getResource(Resources.STYLESHEET)).toExternalForm());
        alert.getDialogPane().lookupButton(question.proceed()).setAccessibleText(question.proceedAccessibleText());
        alert.getDialogPane().lookupButton(ButtonType.CANCEL).setAccessibleText(question.cancelAccessibleText());
        // the paths are long: the dialog's own label would cut the question off with "…", so
        // the text goes into a label that wraps and keeps its full height
        Label content = new Label(question.text());
        content.getStyleClass().add("content");
        content.setWrapText(true);
        content.setMinHeight(Region.USE_PREF_SIZE);
        content.setPrefWidth(500);
        VBox box = new VBox(10, content);
        box.getChildren().addAll(extra);
        alert.getDialogPane().setContent(box);
        alert.getDialogPane().setMinHeight(Region.USE_PREF_SIZE);
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
        alert.show();
        return alert;
    }
}
