package dev.fedcred.ui.fx;

import javafx.scene.Node;
import javafx.scene.Scene;
import javafx.scene.layout.StackPane;
import javafx.stage.Window;

/**
 * Short notices that come up at the bottom right of the window and go by themselves, for news the
 * user did not ask for, such as a renewal in the background. What must stay until it is dealt with
 * stays in the window too; these only draw the eye to it.
 *
 * <p>A window that shows them has a {@link StackPane} as its scene's root (MainWindow's holds its
 * content); its {@link CornerNotice} is a layer on top of that content, added with the window's
 * first notice (nothing of it is built before the first frame, or in a window that never shows
 * one) and filled in again for each later one.
 *
 * <p>How it got here (issue #15's soak). It was ControlsFX's {@code Notifications}: a new popup per
 * notice that cached itself with its drop shadow while it slid in, and the cache of a popup that
 * went was never handed back to JavaFX's effect image pool, so every renewal kept ~160 KB of pixels
 * for good. Then one reused {@code Popup} per window, without cache or effect: a popup is a second
 * native window, and its first showing cost a second window-sized X shared-memory image (~3 MiB)
 * and ~4 MiB of native memory (GTK, Prism) that stayed for the process's life. Drawn inside the
 * window's own scene, a notice costs a few nodes and the pixels it covers in the window's image.
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

    /** None while the window is hidden (in the tray, say): nobody would see it. */
    private static void show(Node inWindow, String title, String text, boolean warning) {
        Scene scene = inWindow.getScene();
        Window window = scene == null ? null : scene.getWindow();
        if (window == null || !window.isShowing()) {
            return;
        }
        if (!(scene.getRoot() instanceof StackPane root)) {
            throw new IllegalStateException("A window with corner notices needs a StackPane as its scene's root, not "
                    + scene.getRoot().getClass().getSimpleName());
        }
        CornerNotice notice = (CornerNotice) root.getProperties().computeIfAbsent(NOTICE_KEY, key -> CornerNotice.over(root));
        notice.show(title, text, warning);
    }
}
