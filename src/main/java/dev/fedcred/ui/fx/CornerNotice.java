package dev.fedcred.ui.fx;

import java.time.Duration;
import java.util.Objects;
import javafx.scene.AccessibleRole;
import javafx.scene.control.Label;
import javafx.scene.layout.Region;
import javafx.scene.layout.StackPane;
import javafx.scene.layout.VBox;

/**
 * One window's corner notice: a title and a line at the bottom right of the window, gone after a
 * few seconds or at a click. It is a layer on top of the window's content, the last child of the
 * scene's root {@link StackPane}: the layer itself has no background and takes no clicks, so a
 * click beside the notice's box reaches the content under it. The same nodes serve every notice,
 * and they draw without a cache or an effect: nothing is made per notice that JavaFX would have to
 * hand back. The time it shows is kept by {@link FxTimer}, not an animation, which would keep
 * JavaFX's pulse at 60 a second meanwhile.
 */
final class CornerNotice extends Region {
    static final Duration SHOWN_FOR = Duration.ofSeconds(5);
    static final double MARGIN = 16;
    private static final double MAX_WIDTH = 360;
    private static final String WARNING = "warning";

    private final Label title = new Label();
    private final Label text = new Label();
    private final VBox box = new VBox(4, title, text);
    /** Calls off the hiding that is due; does nothing while none is. */
    private Runnable cancelHiding = () -> { };

    private CornerNotice() {
        title.getStyleClass().add("title");
        text.setWrapText(true);
        box.getStyleClass().add(WindowNotices.STYLE_CLASS);
        // the box's own: the window's stylesheet may sit on its content, beside this layer
        box.getStylesheets().add(Objects.requireNonNull(CornerNotice.class.getResource(Resources.STYLESHEET))
                .toExternalForm());
        box.setMaxWidth(MAX_WIDTH);
        // read as one text: a title and a line
        box.setAccessibleRole(AccessibleRole.TEXT);
        box.setOnMouseClicked(event -> hide());
        getChildren().add(box);
        setPickOnBounds(false);
        setVisible(false);
    }

    /** A notice layer on top of everything {@code root} holds now. */
    static CornerNotice over(StackPane root) {
        CornerNotice notice = new CornerNotice();
        root.getChildren().add(notice);
        return notice;
    }

    /** Shows this notice now, in place of one still showing, for {@link #SHOWN_FOR} from now. */
    void show(String titleText, String line, boolean warning) {
        title.setText(titleText);
        text.setText(line);
        box.setAccessibleText(titleText + ": " + line);
        box.getStyleClass().remove(WARNING);
        if (warning) {
            box.getStyleClass().add(WARNING);
        }
        setVisible(true);
        cancelHiding.run();
        cancelHiding = FxTimer.after(SHOWN_FOR, this::hide);
    }

    private void hide() {
        cancelHiding.run();
        cancelHiding = () -> { };
        setVisible(false);
    }

    /** The box at its own size (at most {@link #MAX_WIDTH} wide, as tall as its line wraps to) at the bottom right. */
    @Override
    protected void layoutChildren() {
        box.autosize();
        box.relocate(snapPositionX(getWidth() - MARGIN - box.getWidth()),
                snapPositionY(getHeight() - MARGIN - box.getHeight()));
    }

    /** The layer asks the window for no room: the root sizes it to the content's. */
    @Override
    protected double computePrefWidth(double height) {
        return 0;
    }

    @Override
    protected double computePrefHeight(double width) {
        return 0;
    }
}
