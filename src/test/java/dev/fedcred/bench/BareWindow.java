package dev.fedcred.bench;

import dev.fedcred.ui.fx.FirstFrameProbe;
import javafx.application.Application;
import javafx.scene.Scene;
import javafx.scene.control.Button;
import javafx.scene.control.Label;
import javafx.scene.layout.VBox;
import javafx.stage.Stage;

/**
 * The reference for the app's first frame: a bare JavaFX window (a button and a label) of the
 * app's size, measured by the app's own {@link FirstFrameProbe}. bench/run-all packs it into
 * target/bare-window.jar, whose class path is fedcred.jar's, and starts it as it starts the app:
 * same JVM, same flags, its own class-data archive.
 */
public final class BareWindow {
    private BareWindow() {
    }

    public static void main(String[] args) {
        Application.launch(Window.class, args);
    }

    /** JavaFX creates this itself; it is not the main class, so the class path may carry JavaFX. */
    public static final class Window extends Application {
        @Override
        public void start(Stage stage) {
            Button button = new Button("Sign in");
            VBox root = new VBox(8, new Label("A bare JavaFX window"), button);
            Scene scene = new Scene(root, 1120, 720);
            stage.setTitle("bare window");
            stage.setScene(scene);
            stage.show();
            if (FirstFrameProbe.requested()) {
                FirstFrameProbe.attach(scene);
            }
        }
    }
}
