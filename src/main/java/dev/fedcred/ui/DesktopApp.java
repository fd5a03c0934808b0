package dev.fedcred.ui;

import dev.fedcred.FedcredContext;
import java.util.Objects;
import java.util.concurrent.atomic.AtomicReference;
import javafx.application.Application;
import javafx.stage.Stage;

/**
 * The JavaFX application. JavaFX creates this class itself, so {@link #launch(FedcredContext,
 * SandboxStarter)} leaves the collaborators in a static holder for {@link #start(Stage)} to pick up.
 */
public final class DesktopApp extends Application {
    private static final AtomicReference<Collaborators> LAUNCHED_WITH = new AtomicReference<>();

    private MainWindow window;

    /** Shows the window and blocks until it is closed; call once per JVM, as JavaFX requires. */
    public static void launch(FedcredContext context, SandboxStarter sandbox) {
        LAUNCHED_WITH.set(new Collaborators(Objects.requireNonNull(context, "context"),
                Objects.requireNonNull(sandbox, "sandbox")));
        Application.launch(DesktopApp.class);
    }

    @Override
    public void start(Stage stage) {
        Collaborators collaborators = LAUNCHED_WITH.get();
        if (collaborators == null) {
            throw new IllegalStateException("Start the desktop app with DesktopApp.launch(context, sandbox).");
        }
        window = new MainWindow(collaborators.context(), collaborators.sandbox());
        window.show(stage);
        if (FirstFrameProbe.requested()) {
            FirstFrameProbe.attach(stage.getScene());
        }
    }

    @Override
    public void stop() {
        if (window != null) {
            window.close();
        }
    }

    private record Collaborators(FedcredContext context, SandboxStarter sandbox) {
    }
}
