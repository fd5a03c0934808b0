package dev.fedcred.ui.testing;

import dev.fedcred.ui.fx.FieldDecorations;
import java.util.Optional;
import java.util.concurrent.Callable;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.TimeoutException;
import java.util.function.Predicate;
import javafx.geometry.Bounds;
import javafx.scene.Node;
import javafx.scene.control.Button;
import javafx.scene.control.Label;
import javafx.scene.control.Labeled;
import javafx.scene.control.ScrollPane;
import javafx.scene.control.TextInputControl;
import org.testfx.api.FxRobot;
import org.testfx.util.WaitForAsyncUtils;

/** Finds the window's parts the way a screen reader would: by visible or accessible text. */
public final class WindowRobot {
    public static final long TIMEOUT_SECONDS = 20;
    /** One call on the FX thread, which a test makes to read or change a node. */
    private static final long FX_CALL_MILLIS = 5_000;

    private final FxRobot robot;

    public WindowRobot(FxRobot robot) {
        this.robot = robot;
    }

    public Button buttonByAccessibleText(String text) {
        waitUntil(() -> findShowing(node -> node instanceof Button b && text.equals(b.getAccessibleText())).isPresent());
        return (Button) findShowing(node -> node instanceof Button b && text.equals(b.getAccessibleText())).orElseThrow();
    }

    public Button buttonByText(String text) {
        waitUntil(() -> labeledShowing(Button.class, text).isPresent());
        return (Button) labeledShowing(Button.class, text).orElseThrow();
    }

    /** A showing node of {@code type} whose accessible text is {@code text}, such as a labelled field. */
    public <T extends Node> T byAccessibleText(Class<T> type, String text) {
        Predicate<Node> wanted = node -> type.isInstance(node) && text.equals(node.getAccessibleText());
        waitUntil(() -> findShowing(wanted).isPresent());
        return type.cast(findShowing(wanted).orElseThrow());
    }

    public boolean buttonShowing(String accessibleText) {
        return findShowing(node -> node instanceof Button b && accessibleText.equals(b.getAccessibleText())).isPresent();
    }

    /** Sets a field's text as typing would end up, on the FX thread. */
    public void enter(TextInputControl field, String text) {
        robot.interact(() -> field.setText(text));
    }

    /** The error shown under the field with this accessible text, if one shows. */
    public Optional<String> fieldError(String field) {
        return findShowing(node -> node instanceof Label l && (field + " error").equals(l.getAccessibleText()))
                .map(node -> ((Label) node).getText());
    }

    /** The problem of the error mark (ControlsFX's decoration) on the field with this accessible text, if one shows. */
    public Optional<String> fieldMark(String field) {
        String prefix = field + ": ";
        return findShowing(node -> node.getStyleClass().contains(FieldDecorations.STYLE_CLASS)
                && node.getAccessibleText() != null && node.getAccessibleText().startsWith(prefix))
                .map(node -> node.getAccessibleText().substring(prefix.length()));
    }

    /** The error a dialog shows above its buttons (a failed save), if one shows. */
    public String dialogError(String dialogStyleClass) {
        return findShowing(node -> node instanceof Label label && label.getStyleClass().contains("error")
                        && within(node, dialogStyleClass))
                .map(node -> ((Label) node).getText()).orElse(null);
    }

    private static boolean within(Node node, String styleClass) {
        for (Node n = node; n != null; n = n.getParent()) {
            if (n.getStyleClass().contains(styleClass)) {
                return true;
            }
        }
        return false;
    }

    public boolean labelShowing(String text) {
        return labeledShowing(Label.class, text).isPresent();
    }

    public boolean labelShowingContaining(String part) {
        return findShowing(node -> node instanceof Label label && label.getText() != null
                && label.getText().contains(part)).isPresent();
    }

    public boolean labelShowingStartingWith(String prefix) {
        return findShowing(node -> node instanceof Label label && label.getText() != null
                && label.getText().startsWith(prefix)).isPresent();
    }

    /** Scrolls the button into view first, when it is in a scroll pane, as a user would. */
    public void click(Button button) {
        click((Node) button);
    }

    /**
     * Scrolls the node into view first, when it is in a scroll pane (a row of the window, a field of
     * a dialog taller than the screen), as a user would, then clicks it.
     */
    public void click(Node node) {
        // a row that just changed may not be laid out yet: scroll until the node is in view
        waitUntil(() -> WaitForAsyncUtils.asyncFx(() -> scrollIntoView(node)).get(TIMEOUT_SECONDS, TimeUnit.SECONDS));
        WaitForAsyncUtils.waitForFxEvents();
        robot.clickOn(node);
    }

    /** @return whether the node is now inside its scroll pane's viewport (or in none) */
    private static boolean scrollIntoView(Node node) {
        if (node.getScene() == null) {
            return false;
        }
        node.getScene().getRoot().applyCss();
        node.getScene().getRoot().layout();
        for (Node n = node.getParent(); n != null; n = n.getParent()) {
            if (n instanceof ScrollPane pane && pane.getContent() != null) {
                Node content = pane.getContent();
                double contentHeight = content.getLayoutBounds().getHeight();
                double viewport = pane.getViewportBounds().getHeight();
                if (contentHeight <= viewport) {
                    return true;
                }
                Bounds inContent = content.sceneToLocal(node.localToScene(node.getLayoutBounds()));
                double top = pane.getVvalue() * (contentHeight - viewport);
                if (inContent.getMinY() < top || inContent.getMaxY() > top + viewport) {
                    double wanted = inContent.getMinY() - (viewport - inContent.getHeight()) / 2;
                    pane.setVvalue(Math.max(0, Math.min(1, wanted / (contentHeight - viewport))));
                    pane.layout();
                    return false;
                }
                return true;
            }
        }
        return true;
    }

    /** Looks on the FX thread: walking the scene graph while the FX thread changes it can throw. */
    public Optional<Node> findShowing(Predicate<Node> predicate) {
        try {
            return WaitForAsyncUtils.asyncFx(() -> robot.lookup(node -> predicate.test(node) && isShowing(node)).tryQuery())
                    .get(TIMEOUT_SECONDS, TimeUnit.SECONDS);
        } catch (Exception e) {
            throw new AssertionError("Looking up a node on the FX thread failed", e);
        }
    }

    /** What {@code work} gives, computed on the FX thread; fails after 5 s. */
    public static <T> T onFx(Callable<T> work) {
        return WaitForAsyncUtils.waitForAsyncFx(FX_CALL_MILLIS, work);
    }

    /** Runs {@code work} on the FX thread and waits for it; fails after 5 s. */
    public static void onFx(Runnable work) {
        onFx(() -> {
            work.run();
            return null;
        });
    }

    public static void waitUntil(Callable<Boolean> condition) {
        try {
            WaitForAsyncUtils.waitFor(TIMEOUT_SECONDS, TimeUnit.SECONDS, condition);
        } catch (TimeoutException e) {
            throw new AssertionError("The window did not reach the expected state within " + TIMEOUT_SECONDS + " s", e);
        }
    }

    private Optional<Node> labeledShowing(Class<? extends Labeled> type, String text) {
        return findShowing(node -> type.isInstance(node) && text.equals(((Labeled) node).getText()));
    }

    /** Visible itself and through every parent: hidden panes keep their children's visible flag. */
    private static boolean isShowing(Node node) {
        for (Node n = node; n != null; n = n.getParent()) {
            if (!n.isVisible()) {
                return false;
            }
        }
        return node.getScene() != null;
    }
}
