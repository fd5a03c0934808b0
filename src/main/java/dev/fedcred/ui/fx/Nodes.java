package dev.fedcred.ui.fx;

import java.util.List;
import javafx.scene.Node;
import javafx.scene.control.Label;
import javafx.scene.layout.Pane;
import javafx.scene.layout.Region;

/** Small layout helpers the views share. */
public final class Nodes {
    private Nodes() {
    }

    /** Shows a node and gives it its space in the layout again. */
    public static void show(Node node) {
        node.setVisible(true);
        node.setManaged(true);
    }

    /** Hides a node and lets the layout close the gap, instead of leaving an empty hole. */
    public static void hide(Node node) {
        node.setVisible(false);
        node.setManaged(false);
    }

    /** {@link #show} or {@link #hide}, as {@code shown} says. */
    public static void showIf(Node node, boolean shown) {
        node.setVisible(shown);
        node.setManaged(shown);
    }

    /** Wraps a label's text and lets it grow as tall as the text needs, so nothing ends in "…". */
    public static void wrapFully(Label label) {
        label.setWrapText(true);
        label.setMinHeight(Region.USE_PREF_SIZE);
    }

    /**
     * Shows these children, in this order. When they are the ones shown already, nothing changes:
     * putting a node back takes it out of the scene and in again, and JavaFX then styles and lays
     * out its whole subtree anew, which a refresh of the same rows (each renewal's) does not need.
     */
    public static void showChildren(Pane pane, List<? extends Node> children) {
        if (!pane.getChildren().equals(children)) {
            pane.getChildren().setAll(children);
        }
    }

    /**
     * Gives the node, of these style classes, only {@code chosen} ({@code null}: none of them). Its
     * classes change only when that changes: any change of them styles the node anew, which a
     * status label shown again each second with the same look does not need.
     */
    public static void styleAs(Node node, String chosen, List<String> choices) {
        List<String> classes = node.getStyleClass();
        List<String> others = choices.stream().filter(choice -> !choice.equals(chosen)).toList();
        if (others.stream().anyMatch(classes::contains)) {
            classes.removeAll(others);
        }
        if (chosen != null && !classes.contains(chosen)) {
            classes.add(chosen);
        }
    }
}
