package dev.fedcred.ui.fx;

import javafx.application.Platform;
import javafx.scene.Scene;

/**
 * Runs work once the shown window's first pulse, render included, has finished: start-up work
 * that the first frame does not need (the tray's AWT toolkit, for one) then does not compete with
 * it for the CPU.
 */
public final class AfterFirstFrame {
    private AfterFirstFrame() {
    }

    /** Call on the FX thread right after the stage is shown; {@code work} runs once, on the FX thread. */
    public static void run(Scene scene, Runnable work) {
        Runnable[] listener = new Runnable[1];
        listener[0] = () -> {
            scene.removePostLayoutPulseListener(listener[0]);
            // a post-layout listener runs before this pulse renders: queue the work behind it
            Platform.runLater(work);
        };
        scene.addPostLayoutPulseListener(listener[0]);
    }
}
