package dev.fedcred.ui.app;

import atlantafx.base.theme.Styles;
import dev.fedcred.ui.fx.Icons;
import dev.fedcred.ui.fx.Nodes;
import dev.fedcred.ui.fx.Shortcut;
import dev.fedcred.ui.preferences.PreferencesDialog;
import javafx.geometry.Pos;
import javafx.scene.Node;
import javafx.scene.control.Button;
import javafx.scene.control.Label;
import javafx.scene.layout.HBox;
import javafx.scene.layout.Priority;
import javafx.scene.layout.Region;
import javafx.scene.layout.VBox;

/**
 * The top of the window: the title and Preferences, the settings file's problem with Read
 * settings again, the notices it is given, and on first start the welcome. Draws what
 * {@link MainWindowModel} says about the problem and the welcome.
 */
final class WindowTop extends VBox {
    private final Label loadError = new Label();
    private final HBox loadProblem;
    private final Runnable signInToSandbox;
    private final Runnable connectCloud;
    private WelcomeBanner banner;

    WindowTop(Runnable openPreferences, Runnable readAgain, Runnable signInToSandbox, Runnable connectCloud,
              Node... notices) {
        super(10);
        this.signInToSandbox = signInToSandbox;
        this.connectCloud = connectCloud;
        loadProblem = loadProblemLine(readAgain);
        getChildren().addAll(header(openPreferences), loadProblem);
        getChildren().addAll(notices);
        getStyleClass().add("top");
    }

    /**
     * Shows the settings file's problem (null: none) and the welcome, as the model says; after the
     * welcome, {@code connectOffered} keeps offering the user's own cloud.
     */
    void show(String problem, boolean welcome, boolean connectOffered) {
        loadError.setText(problem == null ? "" : problem);
        Nodes.showIf(loadProblem, problem != null);
        if ((welcome || connectOffered) && banner == null) {
            banner = new WelcomeBanner(signInToSandbox, connectCloud);
            getChildren().add(banner);
        }
        if (banner != null && !welcome) {
            if (connectOffered) {
                banner.afterSandbox();
            } else {
                banner.dismiss();
            }
        }
    }

    private static HBox header(Runnable openPreferences) {
        Label heading = new Label(MainWindow.TITLE);
        heading.getStyleClass().add("app-title");
        Label tagline = new Label("Sign in once with OpenID Connect, see exactly what your ID token says, and turn it into"
                + " short-lived cloud credentials.");
        tagline.getStyleClass().add("tagline");
        Button preferences = new Button();
        preferences.setAccessibleText(PreferencesDialog.TITLE);
        Icons.PREFERENCES.on(preferences);
        preferences.getStyleClass().addAll(Styles.BUTTON_ICON, Styles.FLAT);
        Shortcut.PREFERENCES.showOn(preferences);
        preferences.setOnAction(event -> openPreferences.run());
        HBox header = new HBox(12, new VBox(2, heading, tagline), spacer(), preferences);
        header.setAlignment(Pos.TOP_LEFT);
        return header;
    }

    /** A settings file that does not parse: which file and where, and a button to read it again. */
    private HBox loadProblemLine(Runnable readAgain) {
        loadError.getStyleClass().add("error");
        loadError.setId("load-error");
        Nodes.wrapFully(loadError);
        loadError.setMaxWidth(Double.MAX_VALUE);
        HBox.setHgrow(loadError, Priority.ALWAYS);
        Button again = new Button(MainWindow.READ_SETTINGS_AGAIN);
        again.setMinWidth(Region.USE_PREF_SIZE);
        Shortcut.READ_SETTINGS_AGAIN.showOn(again);
        again.setOnAction(event -> readAgain.run());
        HBox line = new HBox(10, loadError, again);
        line.setAlignment(Pos.CENTER_LEFT);
        Nodes.hide(line);
        return line;
    }

    /** Pushes what follows it to the right edge. */
    static Region spacer() {
        Region spacer = new Region();
        HBox.setHgrow(spacer, Priority.ALWAYS);
        return spacer;
    }
}
