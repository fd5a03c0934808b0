package dev.fedcred.ui.fx;

import java.util.Optional;
import javafx.scene.Node;
import javafx.scene.Scene;
import javafx.stage.Window;
import org.controlsfx.control.Notifications;

/**
 * Short notices that slide in at the bottom right of the window and go by themselves (ControlsFX's
 * {@link Notifications}), for news the user did not ask for, such as a renewal in the background.
 * What must stay until it is dealt with stays in the window too; these only draw the eye to it.
 *
 * <p>ControlsFX loads with the first notice, never for the window's first frame.
 */
public final class WindowNotices {
    static final String STYLE_CLASS = "window-notice";

    private WindowNotices() {
    }

    public static void inform(Node inWindow, String title, String text) {
        notice(inWindow, title, text).ifPresent(Notifications::showInformation);
    }

    public static void warn(Node inWindow, String title, String text) {
        notice(inWindow, title, text).ifPresent(Notifications::showWarning);
    }

    /** None while the window is hidden (in the tray, say): a notice needs a showing owner to sit on. */
    private static Optional<Notifications> notice(Node inWindow, String title, String text) {
        Scene scene = inWindow.getScene();
        Window window = scene == null ? null : scene.getWindow();
        if (window == null || !window.isShowing()) {
            return Optional.empty();
        }
        return Optional.of(Notifications.create().owner(window).title(title).text(text)
                .styleClass(STYLE_CLASS));
    }
}
