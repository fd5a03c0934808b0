package dev.fedcred.ui.testing;

import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.TimeUnit;
import java.util.function.Consumer;
import javafx.scene.Node;
import javafx.scene.Parent;
import javafx.scene.control.Labeled;
import javafx.scene.control.TextInputControl;
import javafx.stage.Window;
import org.testfx.util.WaitForAsyncUtils;

/** Walks every window's scene graph on the FX thread: what a secret must never be found in. */
public final class SceneTexts {
    private SceneTexts() {
    }

    /** Every text, input and accessible text in every window, visible or not. */
    public static List<String> everywhere() {
        List<String> texts = new ArrayList<>();
        visitEveryNode(node -> {
            if (node instanceof Labeled labeled && labeled.getText() != null) {
                texts.add(labeled.getText());
            }
            if (node instanceof TextInputControl input && input.getText() != null) {
                texts.add(input.getText());
            }
            if (node.getAccessibleText() != null) {
                texts.add(node.getAccessibleText());
            }
        });
        return texts;
    }

    /** Calls {@code visitor} on the FX thread for every node of every window's scene. */
    public static void visitEveryNode(Consumer<Node> visitor) {
        try {
            WaitForAsyncUtils.asyncFx(() -> {
                for (Window window : Window.getWindows()) {
                    if (window.getScene() != null) {
                        visit(window.getScene().getRoot(), visitor);
                    }
                }
            }).get(WindowRobot.TIMEOUT_SECONDS, TimeUnit.SECONDS);
        } catch (Exception e) {
            throw new AssertionError("Walking the scene graph on the FX thread failed", e);
        }
    }

    private static void visit(Node node, Consumer<Node> visitor) {
        visitor.accept(node);
        if (node instanceof Parent parent) {
            for (Node child : parent.getChildrenUnmodifiable()) {
                visit(child, visitor);
            }
        }
    }
}
