package dev.fedcred.ui.targets;

import java.util.Arrays;
import javafx.beans.value.ChangeListener;
import javafx.beans.value.ObservableValue;
import javafx.scene.Node;
import javafx.scene.Scene;
import javafx.scene.control.Button;

/**
 * Keeps the keyboard on a row's action while it works: disabling the focused button sends the
 * focus elsewhere (at the next pulse); it comes back when the work ends, unless the user has put
 * it somewhere else meanwhile.
 */
final class FocusKeeper {
    private final Node row;
    private boolean duringWork;
    /** The button that had the focus when work started, and where the focus went when it was disabled. */
    private Button toRestore;
    private Node wentTo;
    private final ChangeListener<Node> focusMoved = new ChangeListener<>() {
        @Override
        public void changed(ObservableValue<? extends Node> observable, Node before, Node now) {
            // the focus passes through null on its way to the next focusable node
            if (now != null) {
                wentTo = now;
                observable.removeListener(this);
            }
        }
    };

    FocusKeeper(Node row) {
        this.row = row;
    }

    boolean duringWork() {
        return duringWork;
    }

    /** Call before the buttons are disabled. */
    void workStarts(Button... buttons) {
        duringWork = true;
        Node focused = focusOwner();
        toRestore = Arrays.stream(buttons).filter(button -> button == focused).findFirst().orElse(null);
        wentTo = null;
        if (toRestore != null) {
            row.getScene().focusOwnerProperty().addListener(focusMoved);
        }
    }

    /** Call after the buttons are enabled again; {@code fallback} takes the focus if its button stays disabled. */
    void workEnded(Button fallback) {
        duringWork = false;
        Scene scene = row.getScene();
        if (scene != null) {
            scene.focusOwnerProperty().removeListener(focusMoved);
        }
        if (toRestore != null && wentTo != null && focusOwner() == wentTo) {
            (toRestore.isDisabled() ? fallback : toRestore).requestFocus();
        }
        toRestore = null;
        wentTo = null;
    }

    private Node focusOwner() {
        return row.getScene() == null ? null : row.getScene().getFocusOwner();
    }
}
