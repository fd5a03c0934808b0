package dev.fedcred.ui.fx;

import atlantafx.base.theme.PrimerLight;
import dev.fedcred.ui.testing.EffectImagePool;
import java.util.List;
import java.util.concurrent.TimeUnit;
import javafx.application.Application;
import javafx.scene.Scene;
import javafx.scene.control.Label;
import javafx.scene.layout.StackPane;
import javafx.stage.PopupWindow;
import javafx.stage.Stage;
import javafx.stage.Window;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;
import org.testfx.api.FxRobot;
import org.testfx.framework.junit5.ApplicationExtension;
import org.testfx.framework.junit5.Start;
import org.testfx.util.WaitForAsyncUtils;

import static dev.fedcred.ui.testing.WindowRobot.waitUntil;
import static org.assertj.core.api.Assertions.assertThat;

/**
 * The corner notices that tell of each renewal leave nothing behind: every renewal showed one, and
 * each one left a drop-shadow image of ~160 KB checked out of JavaFX's effect image pool (ControlsFX's
 * notification caches itself with its shadow while it slides, and a cache that goes with its popup
 * is never handed back), so the window's heap grew by that at each renewal (the soak, issue #15).
 */
@ExtendWith(ApplicationExtension.class)
class WindowNoticesTest {
    private Label inWindow;

    @Start
    void start(Stage stage) {
        // the window's theme, whose colours the notice's style looks up
        Application.setUserAgentStylesheet(new PrimerLight().getUserAgentStylesheet());
        inWindow = new Label("the window");
        stage.setScene(new Scene(new StackPane(inWindow), 600, 400));
        stage.show();
    }

    @Test
    void noticesThatWentLeaveNoImagesCheckedOut(FxRobot robot) throws Exception {
        int checkedOut = imagesCheckedOut();

        for (int renewal = 1; renewal <= 3; renewal++) {
            showAndWaitUntilGone(robot, "Renewed", "sandbox-aws, sandbox-gcp: new credentials written.");
        }

        assertThat(imagesCheckedOut()).as("images of JavaFX's effect pool still checked out").isEqualTo(checkedOut);
    }

    @Test
    void aNoticeShowsItsTitleAndTextAndGoesByItself(FxRobot robot) {
        robot.interact(() -> WindowNotices.warn(inWindow, "Renewal failed", "sandbox-aws: see the notice at the top."));
        waitUntil(() -> texts().contains("Renewal failed") && texts().contains("sandbox-aws: see the notice at the top."));
        waitUntil(() -> notices().isEmpty());
    }

    private void showAndWaitUntilGone(FxRobot robot, String title, String text) {
        robot.interact(() -> WindowNotices.inform(inWindow, title, text));
        waitUntil(() -> notices().size() == 1);
        waitUntil(() -> notices().isEmpty());
        WaitForAsyncUtils.waitForFxEvents();
    }

    private static int imagesCheckedOut() throws Exception {
        WaitForAsyncUtils.waitForFxEvents();
        return WaitForAsyncUtils.asyncFx(EffectImagePool::imagesCheckedOut).get(5, TimeUnit.SECONDS);
    }

    private static List<Window> notices() throws Exception {
        return WaitForAsyncUtils.asyncFx(() -> Window.getWindows().stream()
                .filter(window -> window instanceof PopupWindow).toList()).get(5, TimeUnit.SECONDS);
    }

    private static List<String> texts() throws Exception {
        return WaitForAsyncUtils.asyncFx(() -> Window.getWindows().stream()
                .filter(window -> window instanceof PopupWindow && window.getScene() != null)
                .flatMap(window -> window.getScene().getRoot().lookupAll(".label").stream())
                .map(node -> ((Label) node).getText()).toList()).get(5, TimeUnit.SECONDS);
    }
}
