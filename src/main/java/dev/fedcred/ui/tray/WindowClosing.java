package dev.fedcred.ui.tray;

import java.util.function.BooleanSupplier;
import javafx.stage.Stage;
import javafx.stage.WindowEvent;

/**
 * What closing the window does: with a tray icon, the window hides and fedcred keeps running
 * (and renewing) in the tray, with a hint the first time; without a tray nothing could bring the
 * window back, so closing quits.
 */
public final class WindowClosing {
    /** What a close request did. */
    public enum Outcome { HID_IN_TRAY, QUIT }

    private final BooleanSupplier trayInstalled;
    private final Runnable quit;
    private final Runnable firstHideHint;
    private boolean hiddenBefore;

    /**
     * @param trayInstalled whether the tray icon is there now (it arrives a moment after the window)
     * @param quit          stops renewal, removes the icon and exits
     * @param firstHideHint tells the user, once, that fedcred still runs in the tray
     */
    public WindowClosing(BooleanSupplier trayInstalled, Runnable quit, Runnable firstHideHint) {
        this.trayInstalled = trayInstalled;
        this.quit = quit;
        this.firstHideHint = firstHideHint;
    }

    public void attach(Stage stage) {
        stage.setOnCloseRequest(event -> closeRequested(stage, event));
    }

    /** FX thread. */
    public Outcome closeRequested(Stage stage, WindowEvent request) {
        if (!trayInstalled.getAsBoolean()) {
            quit.run();
            return Outcome.QUIT;
        }
        request.consume();
        stage.hide();
        if (!hiddenBefore) {
            hiddenBefore = true;
            firstHideHint.run();
        }
        return Outcome.HID_IN_TRAY;
    }
}
