package dev.fedcred.ui.app;

import javafx.scene.Scene;
import javafx.scene.layout.Pane;
import javafx.stage.Stage;

/**
 * The window as its first frame shows it: titled, sized and empty. The app shows this at once and
 * puts {@link MainWindow}'s content in after that frame, so the first frame waits for no
 * stylesheet, icon font, control, settings or state read: only for JavaFX itself. The empty scene
 * is white like the light theme's background, which the content arrives in.
 */
public final class EmptyWindow {
    static final double WIDTH = 1120;
    static final double HEIGHT = 720;

    private EmptyWindow() {
    }

    /** Shows {@code stage} with an empty scene and returns that scene. FX thread. */
    public static Scene show(Stage stage) {
        stage.setTitle(MainWindow.TITLE);
        Scene scene = new Scene(new Pane(), WIDTH, HEIGHT);
        stage.setScene(scene);
        stage.setMinWidth(760);
        stage.setMinHeight(480);
        stage.show();
        return scene;
    }
}
