package dev.fedcred.ui.app;

import dev.fedcred.FedcredContext;
import dev.fedcred.instance.SingleInstance;
import dev.fedcred.ui.fx.AfterFirstFrame;
import dev.fedcred.ui.fx.FirstFrameProbe;
import dev.fedcred.ui.fx.StartupTimeline;
import dev.fedcred.ui.issuers.SandboxStarter;
import dev.fedcred.ui.tray.DesktopTray;
import dev.fedcred.ui.tray.TrayHost;
import dev.fedcred.ui.tray.WindowClosing;
import java.util.Objects;
import java.util.concurrent.atomic.AtomicReference;
import javafx.application.Application;
import javafx.application.Platform;
import javafx.scene.Scene;
import javafx.stage.Stage;

/**
 * The JavaFX application. JavaFX creates this class itself, so {@link #launch(FedcredContext,
 * SandboxStarter, SingleInstance)} leaves the collaborators in a static holder for
 * {@link #start(Stage)} to pick up. Where the desktop has a system tray, fedcred keeps running
 * there when its window closes.
 */
public final class DesktopApp extends Application {
    private static final AtomicReference<Collaborators> LAUNCHED_WITH = new AtomicReference<>();

    private MainWindow window;
    private Stage stage;
    /** Set on the FX thread once the icon is in the tray; null without a tray. */
    private DesktopTray tray;

    /** Shows the window and blocks until the app quits; call once per JVM, as JavaFX requires. */
    public static void launch(FedcredContext context, SandboxStarter sandbox, SingleInstance instance) {
        LAUNCHED_WITH.set(new Collaborators(Objects.requireNonNull(context, "context"),
                Objects.requireNonNull(sandbox, "sandbox"), Objects.requireNonNull(instance, "instance")));
        Application.launch(DesktopApp.class);
    }

    /**
     * Shows the empty window at once and fills it in after its first frame: the window's content,
     * its stylesheet, icon fonts and settings and state reads, then the tray, each wait for the
     * frame before.
     */
    @Override
    public void start(Stage stage) {
        StartupTimeline.mark("javafx-started");
        Collaborators collaborators = LAUNCHED_WITH.get();
        if (collaborators == null) {
            throw new IllegalStateException("Start the desktop app with DesktopApp.launch(context, sandbox, instance).");
        }
        this.stage = stage;
        Scene scene = EmptyWindow.show(stage);
        StartupTimeline.mark("empty-window-shown");
        new WindowClosing(() -> tray != null, this::quit, () -> tray.keepsRunningHint()).attach(stage);
        collaborators.instance().onShowRequest(() -> Platform.runLater(this::bringForward));
        if (FirstFrameProbe.requested()) {
            FirstFrameProbe.attachFirst(scene);
        }
        AfterFirstFrame.run(scene, () -> fillIn(collaborators));
    }

    private void fillIn(Collaborators collaborators) {
        StartupTimeline.mark("first-frame");
        if (!stage.isShowing()) {
            return;
        }
        window = new MainWindow(collaborators.context(), collaborators.sandbox());
        window.fillIn(stage);
        window.onQuit(this::quit);
        StartupTimeline.mark("filled-in");
        if (FirstFrameProbe.requested()) {
            FirstFrameProbe.attachFilledIn(stage.getScene());
        }
        // AWT starts on its own thread once the filled-in window is drawn, so it does not slow it down
        AfterFirstFrame.run(stage.getScene(), () -> {
            StartupTimeline.mark("filled-in-frame");
            installTray(collaborators.context());
        });
    }

    private void installTray(FedcredContext context) {
        Thread installing = new Thread(() -> DesktopTray.install(context, window.liveStatus(), new Host())
                .ifPresent(installed -> Platform.runLater(() -> {
                    tray = installed;
                    // the window may now hide while fedcred runs on in the tray
                    Platform.setImplicitExit(false);
                })), "fedcred-tray-install");
        installing.setDaemon(true);
        installing.start();
    }

    @Override
    public void stop() {
        if (window != null) {
            window.close();
        }
    }

    private void bringForward() {
        stage.show();
        stage.setIconified(false);
        stage.toFront();
        stage.requestFocus();
    }

    /** FX thread. The icon goes first (waiting on AWT, so off this thread), then JavaFX stops and renewal with it. */
    private void quit() {
        stage.hide();
        DesktopTray installed = tray;
        tray = null;
        Thread quitting = new Thread(() -> {
            if (installed != null) {
                installed.close();
            }
            Platform.exit();
        }, "fedcred-quit");
        quitting.setDaemon(true);
        quitting.start();
    }

    /** The tray's requests, carried to the FX thread. */
    private final class Host implements TrayHost {
        @Override
        public void showWindow() {
            Platform.runLater(DesktopApp.this::bringForward);
        }

        @Override
        public void signIn(String issuerName) {
            Platform.runLater(() -> {
                bringForward();
                window.signIn(issuerName);
            });
        }

        @Override
        public void quit() {
            Platform.runLater(DesktopApp.this::quit);
        }
    }

    private record Collaborators(FedcredContext context, SandboxStarter sandbox, SingleInstance instance) {
    }
}
