package dev.fedcred.ui.tray;

import dev.fedcred.ui.fx.Resources;
import java.awt.AWTException;
import java.awt.Dimension;
import java.awt.EventQueue;
import java.awt.GraphicsEnvironment;
import java.awt.Image;
import java.awt.MenuItem;
import java.awt.PopupMenu;
import java.awt.SystemTray;
import java.awt.TrayIcon;
import java.awt.event.MouseAdapter;
import java.awt.event.MouseEvent;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.net.URL;
import java.time.Duration;
import java.util.ArrayList;
import java.util.EnumMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Objects;
import java.util.Optional;
import java.util.concurrent.Callable;
import java.util.concurrent.ExecutionException;
import java.util.concurrent.FutureTask;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.TimeoutException;
import java.util.function.Consumer;
import javax.imageio.ImageIO;

/**
 * The tray model rendered with {@link java.awt.SystemTray}: the icon for the state, the tooltip,
 * and a popup menu whose items are updated in place while the menu's shape stays the same (so an
 * open menu keeps counting down). Everything AWT runs on the AWT event thread; the items' actions
 * go to a consumer that must return at once.
 */
final class SystemTrayIcon implements TrayView {
    /** The sizes rendered into icons/tray (see icons/render). */
    static final int[] SIZES = {16, 22, 24, 32, 48, 64};
    private static final Duration EVENT_THREAD_WAIT = Duration.ofSeconds(5);

    private final TrayIcon icon;
    private final PopupMenu popup = new PopupMenu();
    private final Map<TrayState, Image> images;
    private final Consumer<TrayAction> onAction;
    /** What the menu shows now and its AWT items (null for separators). AWT event thread only. */
    private List<TrayMenuItem> shown = List.of();
    private final List<MenuItem> menuItems = new ArrayList<>();
    private TrayState shownState = TrayState.SIGNED_OUT;

    private SystemTrayIcon(Map<TrayState, Image> images, Consumer<TrayAction> onAction) {
        this.images = images;
        this.onAction = onAction;
        this.icon = new TrayIcon(images.get(shownState), "fedcred", popup);
        icon.setImageAutoSize(true);
        // AWT's action is a double click; on Linux and Windows one click on a tray icon opens its app
        icon.addActionListener(event -> onAction.accept(new TrayAction.OpenWindow()));
        if (!System.getProperty("os.name", "").toLowerCase(Locale.ROOT).contains("mac")) {
            icon.addMouseListener(new MouseAdapter() {
                @Override
                public void mouseClicked(MouseEvent event) {
                    if (event.getButton() == MouseEvent.BUTTON1 && event.getClickCount() == 1) {
                        onAction.accept(new TrayAction.OpenWindow());
                    }
                }
            });
        }
    }

    /** Whether this desktop has a system tray (false without a tray host, as on GNOME without AppIndicator, or headless). */
    static boolean supported() {
        return !GraphicsEnvironment.isHeadless() && SystemTray.isSupported();
    }

    /**
     * Puts the icon into the tray. Call off the FX thread: it starts AWT and waits for its event thread.
     *
     * @return empty when the desktop has no tray, or refused the icon
     */
    static Optional<SystemTrayIcon> install(Consumer<TrayAction> onAction) {
        if (!supported()) {
            return Optional.empty();
        }
        Map<TrayState, Image> images = images(SystemTray.getSystemTray().getTrayIconSize());
        SystemTrayIcon tray = new SystemTrayIcon(images, onAction);
        try {
            return onEventThread(() -> {
                SystemTray.getSystemTray().add(tray.icon);
                return Optional.of(tray);
            });
        } catch (AWTException refused) {
            return Optional.empty();
        }
    }

    @Override
    public void show(TrayMenu menu) {
        EventQueue.invokeLater(() -> apply(menu));
    }

    @Override
    public void notify(String title, String message) {
        EventQueue.invokeLater(() -> icon.displayMessage(title, message, TrayIcon.MessageType.WARNING));
    }

    /** A message that only informs, without the warning sign. */
    void inform(String title, String message) {
        EventQueue.invokeLater(() -> icon.displayMessage(title, message, TrayIcon.MessageType.INFO));
    }

    /** Takes the icon out of the tray, and waits (a few seconds at most) until it is out. */
    void remove() {
        try {
            onEventThread(() -> {
                SystemTray.getSystemTray().remove(icon);
                return null;
            });
        } catch (AWTException stuck) {
            // quitting goes on: the icon goes with the process
        }
    }

    private void apply(TrayMenu menu) {
        if (menu.state() != shownState) {
            shownState = menu.state();
            icon.setImage(images.get(shownState));
        }
        if (!menu.tooltip().equals(icon.getToolTip())) {
            icon.setToolTip(menu.tooltip());
        }
        if (sameShape(menu.items(), shown)) {
            for (int i = 0; i < menuItems.size(); i++) {
                MenuItem item = menuItems.get(i);
                TrayMenuItem wanted = menu.items().get(i);
                if (item != null && !wanted.label().equals(item.getLabel())) {
                    item.setLabel(wanted.label());
                }
                if (item != null && wanted.enabled() != item.isEnabled()) {
                    item.setEnabled(wanted.enabled());
                }
            }
        } else {
            rebuild(menu.items());
        }
        shown = menu.items();
    }

    private void rebuild(List<TrayMenuItem> items) {
        popup.removeAll();
        menuItems.clear();
        for (TrayMenuItem wanted : items) {
            if (wanted.isSeparator()) {
                popup.addSeparator();
                menuItems.add(null);
                continue;
            }
            MenuItem item = new MenuItem(wanted.label());
            item.setEnabled(wanted.enabled());
            TrayAction action = wanted.action();
            if (action != null) {
                item.addActionListener(event -> onAction.accept(action));
            }
            popup.add(item);
            menuItems.add(item);
        }
    }

    /** The same items doing the same things, whatever their labels say now. */
    private static boolean sameShape(List<TrayMenuItem> a, List<TrayMenuItem> b) {
        if (a.size() != b.size()) {
            return false;
        }
        for (int i = 0; i < a.size(); i++) {
            if (a.get(i).isSeparator() != b.get(i).isSeparator()
                    || !Objects.equals(a.get(i).action(), b.get(i).action())) {
                return false;
            }
        }
        return true;
    }

    /** Per state, the smallest rendered size that fills the tray's slot (scaling down blurs less than up). */
    private static Map<TrayState, Image> images(Dimension slot) {
        int wanted = Math.max(slot.width, slot.height);
        int size = SIZES[SIZES.length - 1];
        for (int candidate : SIZES) {
            if (candidate >= wanted) {
                size = candidate;
                break;
            }
        }
        Map<TrayState, Image> images = new EnumMap<>(TrayState.class);
        for (TrayState state : TrayState.values()) {
            images.put(state, image(state, size));
        }
        return images;
    }

    static Image image(TrayState state, int size) {
        String name = Resources.ICONS + "tray/tray-" + state.iconName() + "-" + size + ".png";
        URL resource = Objects.requireNonNull(SystemTrayIcon.class.getResource(name), name);
        try {
            return ImageIO.read(resource);
        } catch (IOException e) {
            throw new UncheckedIOException("Cannot read the tray icon " + name, e);
        }
    }

    /** Runs {@code work} on the AWT event thread and waits for it, not forever: quitting must not hang on AWT. */
    private static <T> T onEventThread(Callable<T> work) throws AWTException {
        FutureTask<T> task = new FutureTask<>(work);
        if (EventQueue.isDispatchThread()) {
            task.run();
        } else {
            EventQueue.invokeLater(task);
        }
        try {
            return task.get(EVENT_THREAD_WAIT.toMillis(), TimeUnit.MILLISECONDS);
        } catch (TimeoutException e) {
            throw new AWTException("The AWT event thread did not answer within " + EVENT_THREAD_WAIT.toSeconds() + " s");
        } catch (ExecutionException e) {
            if (e.getCause() instanceof AWTException refused) {
                throw refused;
            }
            throw new IllegalStateException("The system tray failed", e.getCause());
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new AWTException("Interrupted while waiting for the AWT event thread");
        }
    }
}
