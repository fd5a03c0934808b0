package dev.fedcred.ui.tray;

import dev.fedcred.FedcredContext;
import dev.fedcred.core.status.LiveStatus;
import java.util.Optional;
import java.util.concurrent.atomic.AtomicReference;

/** fedcred's icon in the system tray, kept in step with the sessions, while the app runs. */
public final class DesktopTray implements AutoCloseable {
    static final String KEEPS_RUNNING_TITLE = "fedcred keeps running";
    static final String KEEPS_RUNNING = "It renews your credentials in the background. Open or quit it from this icon.";

    private final SystemTrayIcon icon;
    private final TrayController controller;

    private DesktopTray(SystemTrayIcon icon, TrayController controller) {
        this.icon = icon;
        this.controller = controller;
    }

    /**
     * Puts the icon into the tray, when the desktop has one. Call off the FX thread: it starts AWT.
     *
     * @param live the state the window shows, which the tray shows too
     *
     * @return empty when there is no tray (headless, or no tray host such as GNOME without AppIndicator)
     */
    public static Optional<DesktopTray> install(FedcredContext context, LiveStatus live, TrayHost host) {
        AtomicReference<TrayController> controller = new AtomicReference<>();
        return SystemTrayIcon.install(action -> {
            TrayController running = controller.get();
            if (running != null) {
                running.perform(action);
            }
        }).map(icon -> {
            TrayController started = new TrayController(context, new TrayModel(context.clock()), icon, host, live);
            controller.set(started);
            started.start();
            return new DesktopTray(icon, started);
        });
    }

    /** The one-line hint, the first time the window hides into the tray. */
    public void keepsRunningHint() {
        icon.inform(KEEPS_RUNNING_TITLE, KEEPS_RUNNING);
    }

    /** Stops the updates and takes the icon out of the tray; returns once it is out, so call it off the FX thread. */
    @Override
    public void close() {
        controller.close();
        icon.remove();
    }
}
