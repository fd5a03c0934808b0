package dev.fedcred.ui.fx;

import javafx.scene.Node;
import javafx.scene.Scene;
import javafx.stage.Window;

/**
 * Short notices that come up at the bottom right of the window and go by themselves, for news the
 * user did not ask for, such as a renewal in the background. What must stay until it is dealt with
 * stays in the window too; these only draw the eye to it.
 *
 * <p>Each window has one {@link CornerNotice}, made with its first notice and shown again for each
 * later one. It was ControlsFX's {@code Notifications}: a new popup per notice that cached itself
 * with its drop shadow while it slid in, and the cache of a popup that went was never handed back
 * to JavaFX's effect image pool, so every renewal kept ~160 KB of pixels for good (issue #15's soak).
 */
public final class WindowNotices {
    static final String STYLE_CLASS = "window-notice";
    private static final Object NOTICE_KEY = CornerNotice.class;

    private WindowNotices() {
    }

    public static void inform(Node inWindow, String title, String text) {
        show(inWindow, title, text, false);
    }

    public static void warn(Node inWindow, String title, String text) {
        show(inWindow, title, text, true);
    }

    /** None while the window is hidden (in the tray, say): a notice needs a showing owner to sit on. */
    private static void show(Node inWindow, String title, String text, boolean warning) {
        Scene scene = inWindow.getScene();
        Window window = scene == null ? null : scene.getWindow();
        if (window == null || !window.isShowing()) {
            return;
        }
        CornerNotice notice = (CornerNotice) window.getProperties()
                .computeIfAbsent(NOTICE_KEY, key -> new CornerNotice(window));
        notice.show(title, text, warning);
    }
}
