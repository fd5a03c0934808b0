package dev.fedcred.ui.fx;

import java.util.concurrent.atomic.AtomicInteger;
import javafx.application.Platform;
import javafx.scene.Scene;
import javafx.scene.control.Label;
import javafx.scene.layout.StackPane;
import javafx.scene.layout.VBox;
import javafx.scene.text.Text;
import javafx.stage.Stage;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;
import org.testfx.framework.junit5.ApplicationExtension;
import org.testfx.framework.junit5.Start;

import static dev.fedcred.ui.testing.WindowRobot.onFx;
import static dev.fedcred.ui.testing.WindowRobot.waitUntil;
import static org.assertj.core.api.Assertions.assertThat;

/**
 * A countdown's new text of the same size lays out the countdown alone; a longer or a wrapping one
 * still gets the room it needs (issue #15: each second's text laid the whole window out again).
 */
@ExtendWith(ApplicationExtension.class)
class LocalLayoutSlotTest {
    private static final double COLUMN_WIDTH = 200;
    private final AtomicInteger columnLayouts = new AtomicInteger();
    private Label countdown;
    private Label plain;
    private Label wrapping;
    private LocalLayoutSlot countdownSlot;
    private LocalLayoutSlot wrappingSlot;
    private Scene scene;

    @Start
    void start(Stage stage) {
        countdown = new Label("0:00:19");
        plain = new Label("0:00:19");
        wrapping = new Label("Signed in");
        countdownSlot = new LocalLayoutSlot(countdown);
        Nodes.wrapFully(wrapping);
        wrappingSlot = new LocalLayoutSlot(wrapping);
        VBox column = new VBox(4, new Label("a line that stays"), countdownSlot, plain, wrappingSlot) {
            @Override
            protected void layoutChildren() {
                columnLayouts.incrementAndGet();
                super.layoutChildren();
            }
        };
        column.setFillWidth(true);
        // 200 wide whatever size the test stage has from an earlier test
        column.setMaxWidth(COLUMN_WIDTH);
        scene = new Scene(new StackPane(column), COLUMN_WIDTH, 300);
        stage.setScene(scene);
        stage.show();
    }

    @Test
    void aTextOfTheSameSizeLaysOutTheLabelAloneAndShowsIt() throws Exception {
        settle();
        columnLayouts.set(0);

        onFx(() -> countdown.setText("0:00:91"));
        settle();

        assertThat(columnLayouts).as("layouts of the column around the countdown").hasValue(0);
        assertThat(onFx(() -> countdown.isNeedsLayout())).isFalse();
        assertThat(onFx(() -> shownText(countdown))).isEqualTo("0:00:91");

        // the same change to a label without the slot lays the column out again: what the slot saves
        onFx(() -> plain.setText("0:00:91"));
        settle();
        assertThat(columnLayouts).hasValue(1);
    }

    @Test
    void aLongerTextWidensTheSlot() throws Exception {
        settle();
        double before = onFx(() -> countdownSlot.getWidth());

        onFx(() -> countdown.setText("Expired an hour ago"));
        waitUntil(() -> countdownSlot.getWidth() > before && !countdown.isNeedsLayout());

        assertThat(onFx(() -> countdown.getWidth())).isEqualTo(onFx(() -> countdownSlot.getWidth()));
        assertThat(onFx(() -> shownText(countdown))).isEqualTo("Expired an hour ago");
    }

    @Test
    void aWrappingTextThatTakesASecondLineMakesTheSlotTaller() throws Exception {
        settle();
        double oneLine = onFx(() -> wrappingSlot.getHeight());

        onFx(() -> wrapping.setText("Signed in as someone.with.a.long.name@example.com, 0:42:10 left"));
        waitUntil(() -> wrappingSlot.getHeight() > oneLine * 1.5);

        assertThat(onFx(() -> wrapping.getHeight())).isEqualTo(onFx(() -> wrappingSlot.getHeight()));
        assertThat(onFx(() -> wrapping.getWidth())).isLessThanOrEqualTo(COLUMN_WIDTH);
    }

    @Test
    void aSlotTakenOutOfTheWindowNoLongerLooksAtItsLabel() throws Exception {
        settle();
        VBox column = (VBox) countdownSlot.getParent();
        onFx(() -> column.getChildren().remove(countdownSlot));
        settle();

        onFx(() -> countdown.setText("a longer text no one looks at"));
        settle();

        // still looking, before the window's layouts, it would ask for a layout of its own
        assertThat(onFx(() -> countdownSlot.isNeedsLayout())).isFalse();
    }

    /** The text the label draws, which its skin sets when it lays the label out. */
    private static String shownText(Label label) {
        return label.lookup(".text") instanceof Text text ? text.getText() : null;
    }

    /** Two pulses, which lay out nothing that did not ask: the one a change asked for, and one more. */
    private void settle() {
        for (int pulse = 0; pulse < 2; pulse++) {
            AtomicInteger pulses = new AtomicInteger();
            Runnable counted = pulses::incrementAndGet;
            onFx(() -> {
                scene.addPostLayoutPulseListener(counted);
                Platform.requestNextPulse();
            });
            waitUntil(() -> pulses.get() > 0);
            onFx(() -> scene.removePostLayoutPulseListener(counted));
        }
    }
}
