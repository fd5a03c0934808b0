package dev.fedcred.ui.fx;

import javafx.scene.Node;
import javafx.scene.control.Label;
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
}
