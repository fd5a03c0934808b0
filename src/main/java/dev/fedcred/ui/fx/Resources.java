package dev.fedcred.ui.fx;

/**
 * Where the window's stylesheet and icons lie on the class path. The paths are absolute, so each
 * room of the desktop app finds them from its own package.
 */
public final class Resources {
    public static final String STYLESHEET = "/dev/fedcred/ui/fedcred.css";
    /** The folder of the app icons (fedcred-SIZE.png) and of the tray's (tray/). */
    public static final String ICONS = "/dev/fedcred/ui/icons/";

    private Resources() {
    }
}
