package dev.fedcred.ui.tray;

/** Where the tray model shows: the system tray, or a test's record of it. Callable from any thread. */
interface TrayView {
    void show(TrayMenu menu);

    /** A short message beside the icon, such as why getting credentials failed. */
    void notify(String title, String message);
}
