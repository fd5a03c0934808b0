package dev.fedcred.ui.tray;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.concurrent.atomic.AtomicBoolean;
import java.util.concurrent.atomic.AtomicInteger;
import java.util.concurrent.atomic.AtomicReference;
import javafx.scene.Scene;
import javafx.scene.control.Label;
import javafx.stage.Stage;
import javafx.stage.WindowEvent;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;
import org.testfx.api.FxRobot;
import org.testfx.framework.junit5.ApplicationExtension;

/**
 * Closing the window: without a tray it quits, as before there was one; with a tray it hides
 * and fedcred keeps running there, with the hint said once.
 */
@ExtendWith(ApplicationExtension.class)
class WindowClosingTest {
    private final AtomicInteger quits = new AtomicInteger();
    private final AtomicInteger hints = new AtomicInteger();
    private final AtomicBoolean trayInstalled = new AtomicBoolean();

    private Stage showWindow(FxRobot robot) {
        AtomicReference<Stage> shown = new AtomicReference<>();
        robot.interact(() -> {
            Stage stage = new Stage();
            stage.setScene(new Scene(new Label("fedcred"), 300, 200));
            new WindowClosing(trayInstalled::get, quits::incrementAndGet, hints::incrementAndGet).attach(stage);
            stage.show();
            shown.set(stage);
        });
        return shown.get();
    }

    /** What the window manager's close button sends. */
    private static void close(FxRobot robot, Stage stage) {
        robot.interact(() -> stage.fireEvent(new WindowEvent(stage, WindowEvent.WINDOW_CLOSE_REQUEST)));
    }

    @Test
    void withoutATrayClosingQuits(FxRobot robot) {
        Stage stage = showWindow(robot);

        close(robot, stage);

        assertThat(quits).hasValue(1);
        assertThat(stage.isShowing()).isFalse();
        assertThat(hints).hasValue(0);
    }

    @Test
    void withATrayClosingHidesTheWindowAndSaysSoOnce(FxRobot robot) {
        trayInstalled.set(true);
        Stage stage = showWindow(robot);

        close(robot, stage);
        assertThat(stage.isShowing()).isFalse();
        assertThat(quits).hasValue(0);
        assertThat(hints).hasValue(1);

        robot.interact(stage::show);
        close(robot, stage);
        assertThat(stage.isShowing()).isFalse();
        assertThat(quits).hasValue(0);
        assertThat(hints).as("the hint is said the first time only").hasValue(1);
    }

    @Test
    void theTrayArrivingAfterTheWindowCounts(FxRobot robot) {
        Stage stage = showWindow(robot);
        trayInstalled.set(true);

        close(robot, stage);

        assertThat(quits).hasValue(0);
        assertThat(stage.isShowing()).isFalse();
    }
}
