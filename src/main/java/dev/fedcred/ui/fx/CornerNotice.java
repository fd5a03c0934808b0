package dev.fedcred.ui.fx;

import java.util.Objects;
import javafx.animation.PauseTransition;
import javafx.scene.control.Label;
import javafx.scene.layout.VBox;
import javafx.stage.Popup;
import javafx.stage.Window;
import javafx.util.Duration;

/**
 * One window's corner notice: a title and a line at the bottom right of the window, gone after a
 * few seconds or at a click. The same popup and nodes serve every notice, and they draw without a
 * cache or an effect: nothing is made per notice that JavaFX would have to hand back.
 */
final class CornerNotice {
    static final Duration SHOWN_FOR = Duration.seconds(5);
    private static final double MARGIN = 16;
    private static final String WARNING = "warning";

    private final Window owner;
    private final Popup popup = new Popup();
    private final Label title = new Label();
    private final Label text = new Label();
    private final VBox box = new VBox(4, title, text);
    private final PauseTransition shown = new PauseTransition(SHOWN_FOR);

    CornerNotice(Window owner) {
        this.owner = owner;
        title.getStyleClass().add("title");
        text.setWrapText(true);
        box.getStyleClass().add(WindowNotices.STYLE_CLASS);
        box.getStylesheets().add(Objects.requireNonNull(CornerNotice.class.getResource(Resources.STYLESHEET))
                .toExternalForm());
        box.setMaxWidth(360);
        box.setOnMouseClicked(event -> popup.hide());
        popup.getContent().add(box);
        shown.setOnFinished(event -> popup.hide());
    }

    /** Shows this notice now, in place of one still showing, for {@link #SHOWN_FOR} from now. */
    void show(String titleText, String line, boolean warning) {
        title.setText(titleText);
        text.setText(line);
        box.getStyleClass().remove(WARNING);
        if (warning) {
            box.getStyleClass().add(WARNING);
        }
        if (!popup.isShowing()) {
            popup.show(owner);
        }
        box.applyCss();
        box.autosize();
        popup.setX(owner.getX() + owner.getWidth() - box.getWidth() - MARGIN);
        popup.setY(owner.getY() + owner.getHeight() - box.getHeight() - MARGIN);
        shown.playFromStart();
    }
}
