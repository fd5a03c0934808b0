package dev.fedcred.ui.fx;

import atlantafx.base.theme.PrimerLight;
import dev.fedcred.ui.testing.EffectImagePool;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;
import java.util.concurrent.atomic.AtomicInteger;
import javafx.application.Application;
import javafx.geometry.Bounds;
import javafx.scene.Node;
import javafx.scene.Scene;
import javafx.scene.control.Label;
import javafx.scene.layout.BorderPane;
import javafx.scene.layout.StackPane;
import javafx.stage.Stage;
import javafx.stage.Window;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;
import org.testfx.api.FxRobot;
import org.testfx.framework.junit5.ApplicationExtension;
import org.testfx.framework.junit5.Start;
import org.testfx.util.WaitForAsyncUtils;

import static dev.fedcred.ui.testing.WindowRobot.onFx;
import static dev.fedcred.ui.testing.WindowRobot.waitUntil;
import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.within;

/**
 * The corner notices that tell of each renewal are drawn in the window's own scene and leave
 * nothing behind. Each one was a popup: a second native window, whose first showing cost a second
 * window-sized X image and native memory for good; before that, ControlsFX's notification left a
 * drop-shadow image of ~160 KB checked out of JavaFX's effect image pool at every renewal (it cached
 * itself with its shadow while it slid, and a cache that goes with its popup is never handed back).
 * Both grew the window's memory over renewals (the soak, issue #15).
 */
@ExtendWith(ApplicationExtension.class)
class WindowNoticesTest {
    private static final double MARGIN = 16;

    private final AtomicInteger clicksOnContent = new AtomicInteger();
    private Stage stage;
    private Label inWindow;

    @Start
    void start(Stage stage) {
        this.stage = stage;
        // the window's theme, whose colours the notice's style looks up
        Application.setUserAgentStylesheet(new PrimerLight().getUserAgentStylesheet());
        inWindow = new Label("the window");
        // as MainWindow's: the content in a StackPane, over which the notices' layer goes
        BorderPane content = new BorderPane(inWindow);
        content.setOnMouseClicked(event -> clicksOnContent.incrementAndGet());
        stage.setScene(new Scene(new StackPane(content), 600, 400));
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
        waitUntil(() -> showingNotice().isEmpty());
    }

    @Test
    void aNoticeIsDrawnInTheWindowAtItsBottomRightAndOpensNoWindowOfItsOwn(FxRobot robot) throws Exception {
        robot.interact(() -> WindowNotices.inform(inWindow, "Renewed", "sandbox-aws: new credentials written."));
        WaitForAsyncUtils.waitForFxEvents();

        assertThat(onFx(() -> Window.getWindows().size())).as("windows showing: the notice opens none").isEqualTo(1);
        waitUntil(() -> showingNotice().filter(box -> box.getScene() == stage.getScene()).isPresent());
        Node box = showingNotice().orElseThrow();
        Bounds inScene = onFx(() -> box.localToScene(box.getLayoutBounds()));
        double width = stage.getScene().getWidth();
        double height = stage.getScene().getHeight();
        assertThat(inScene.getMaxX()).as("right edge").isCloseTo(width - MARGIN, within(1.0));
        assertThat(inScene.getMaxY()).as("bottom edge").isCloseTo(height - MARGIN, within(1.0));
        assertThat(inScene.getMinX()).as("left edge: at most 360 px wide").isGreaterThanOrEqualTo(width - MARGIN - 360);
        assertThat(inScene.getMinY()).as("top edge: a title and a line, not the window's height").isGreaterThan(height / 2);
        assertThat(onFx(box::getAccessibleText)).isEqualTo("Renewed: sandbox-aws: new credentials written.");

        // the next notice fills in the same nodes
        robot.interact(() -> WindowNotices.warn(inWindow, "Renewal failed", "sandbox-gcp: see the notice at the top."));
        waitUntil(() -> texts().contains("Renewal failed"));
        assertThat(showingNotice()).containsSame(box);
        assertThat(onFx(() -> stage.getScene().getRoot().lookupAll("." + WindowNotices.STYLE_CLASS).size())).isEqualTo(1);
        assertThat(onFx(() -> box.getStyleClass().contains("warning"))).isTrue();
    }

    @Test
    void clicksBesideTheNoticeReachTheWindowAndAClickOnItSendsItAway(FxRobot robot) throws Exception {
        robot.interact(() -> WindowNotices.inform(inWindow, "Renewed", "sandbox-aws: new credentials written."));
        waitUntil(() -> showingNotice().isPresent());
        Node box = showingNotice().orElseThrow();
        Bounds onScreen = onFx(() -> box.localToScreen(box.getLayoutBounds()));

        robot.clickOn(onScreen.getMinX() - 40, onScreen.getCenterY());
        robot.clickOn(onScreen.getCenterX(), onScreen.getMinY() - 40);
        WaitForAsyncUtils.waitForFxEvents();
        assertThat(clicksOnContent).as("clicks on the content beside the notice, under its layer").hasValue(2);
        assertThat(showingNotice()).as("the notice, after clicks beside it").isPresent();

        robot.clickOn(onScreen.getCenterX(), onScreen.getCenterY());
        waitUntil(() -> showingNotice().isEmpty());
        assertThat(clicksOnContent).as("a click on the notice stays with it").hasValue(2);
    }

    private void showAndWaitUntilGone(FxRobot robot, String title, String text) {
        robot.interact(() -> WindowNotices.inform(inWindow, title, text));
        waitUntil(() -> showingNotice().isPresent());
        waitUntil(() -> showingNotice().isEmpty());
        WaitForAsyncUtils.waitForFxEvents();
    }

    private static int imagesCheckedOut() throws Exception {
        WaitForAsyncUtils.waitForFxEvents();
        return onFx(EffectImagePool::imagesCheckedOut);
    }

    /** The notice's box showing in any window (a popup's, once), if one shows. */
    private static Optional<Node> showingNotice() throws Exception {
        return onFx(() -> {
            List<Node> boxes = new ArrayList<>();
            for (Window window : Window.getWindows()) {
                if (window.isShowing() && window.getScene() != null) {
                    window.getScene().getRoot().lookupAll("." + WindowNotices.STYLE_CLASS).stream()
                            .filter(WindowNoticesTest::visible).forEach(boxes::add);
                }
            }
            assertThat(boxes).as("notices showing at once").hasSizeLessThanOrEqualTo(1);
            return boxes.stream().findFirst();
        });
    }

    private static List<String> texts() throws Exception {
        Optional<Node> box = showingNotice();
        return box.isEmpty() ? List.of() : onFx(() -> box.get().lookupAll(".label").stream()
                .map(node -> ((Label) node).getText()).toList());
    }

    private static boolean visible(Node node) {
        for (Node n = node; n != null; n = n.getParent()) {
            if (!n.isVisible()) {
                return false;
            }
        }
        return true;
    }
}
