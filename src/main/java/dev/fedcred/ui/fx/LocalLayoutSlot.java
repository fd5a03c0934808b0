package dev.fedcred.ui.fx;

import java.util.function.DoubleUnaryOperator;
import javafx.geometry.Orientation;
import javafx.scene.Scene;
import javafx.scene.control.Label;
import javafx.scene.layout.Region;

/**
 * The place in a layout of a label whose text changes every second (a countdown): a new text of
 * the same size lays out the label alone, not the window around it.
 *
 * <p>A label asks its parent for a layout whenever its text changes, the parent asks its own, and
 * so on up to the scene's root; each of those then asks all its children for their preferred
 * height at their width, which JavaFX does not keep, so every label of the window set its text out
 * again once a second, for a countdown (docs/performance.md, "The countdowns' layout"). Here the
 * label is unmanaged: JavaFX lays out an unmanaged node by itself, and its requests stop at it.
 * This slot stands in the layout in its place, with the label's sizes, and asks for a layout of its
 * own, as the label would have, only when the label's preferred size changed (a countdown that
 * loses a digit, a status that wraps onto a second line): it looks before each layout pass of the
 * scene, if the label changed since the last.
 *
 * <p>Show and hide the slot, not the label: the label's own "managed" must stay false.
 */
public final class LocalLayoutSlot extends Region {
    private final Label label;
    private final Runnable beforeLayout = this::askForLayoutIfResized;
    private boolean labelChanged;
    private double laidOutPrefWidth = -1;
    private double laidOutPrefHeight = -1;

    public LocalLayoutSlot(Label label) {
        this.label = label;
        label.setManaged(false);
        getChildren().add(label);
        label.needsLayoutProperty().addListener((property, before, needs) -> labelChanged |= needs);
        sceneProperty().addListener((property, before, scene) -> moveTo(before, scene));
    }

    private void moveTo(Scene before, Scene scene) {
        if (before != null) {
            before.removePreLayoutPulseListener(beforeLayout);
        }
        if (scene != null) {
            scene.addPreLayoutPulseListener(beforeLayout);
        }
    }

    private void askForLayoutIfResized() {
        if (!labelChanged) {
            return;
        }
        labelChanged = false;
        if (label.prefWidth(-1) != laidOutPrefWidth || label.prefHeight(labelWidth()) != laidOutPrefHeight) {
            requestLayout();
        }
    }

    @Override
    protected void layoutChildren() {
        double width = labelWidth();
        label.resizeRelocate(snappedLeftInset(), snappedTopInset(), width,
                Math.max(0, getHeight() - verticalInsets()));
        laidOutPrefWidth = label.prefWidth(-1);
        laidOutPrefHeight = label.prefHeight(width);
    }

    private double labelWidth() {
        return Math.max(0, getWidth() - horizontalInsets());
    }

    @Override
    public Orientation getContentBias() {
        return label.getContentBias();
    }

    @Override
    public double getBaselineOffset() {
        return snappedTopInset() + label.getBaselineOffset();
    }

    @Override
    protected double computeMinWidth(double height) {
        return around(label::minWidth, height, verticalInsets(), horizontalInsets());
    }

    @Override
    protected double computePrefWidth(double height) {
        return around(label::prefWidth, height, verticalInsets(), horizontalInsets());
    }

    @Override
    protected double computeMaxWidth(double height) {
        return around(label::maxWidth, height, verticalInsets(), horizontalInsets());
    }

    @Override
    protected double computeMinHeight(double width) {
        return around(label::minHeight, width, horizontalInsets(), verticalInsets());
    }

    @Override
    protected double computePrefHeight(double width) {
        return around(label::prefHeight, width, horizontalInsets(), verticalInsets());
    }

    @Override
    protected double computeMaxHeight(double width) {
        return around(label::maxHeight, width, horizontalInsets(), verticalInsets());
    }

    /**
     * The slot's size from the label's size of one kind: the label given the slot's other dimension
     * less the slot's insets that way (-1, any, stays -1), and the slot's insets this way around it.
     */
    private static double around(DoubleUnaryOperator labelSize, double other, double otherInsets, double insets) {
        return insets + labelSize.applyAsDouble(other < 0 ? other : Math.max(0, other - otherInsets));
    }

    private double horizontalInsets() {
        return snappedLeftInset() + snappedRightInset();
    }

    private double verticalInsets() {
        return snappedTopInset() + snappedBottomInset();
    }
}
