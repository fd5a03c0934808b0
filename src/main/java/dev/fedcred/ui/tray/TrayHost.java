package dev.fedcred.ui.tray;

/** What the tray asks of the desktop app around it. Callable from any thread. */
public interface TrayHost {
    /** Shows the window, in front and focused. */
    void showWindow();

    /** Shows the window and starts the issuer's browser sign-in there. */
    void signIn(String issuerName);

    /** Stops renewal, removes the icon and exits. */
    void quit();
}
