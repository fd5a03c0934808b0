package dev.fedcred.ui.app;

import static dev.fedcred.ui.testing.WindowRobot.waitUntil;
import static org.assertj.core.api.Assertions.assertThat;

import atlantafx.base.theme.PrimerDark;
import atlantafx.base.theme.PrimerLight;
import dev.fedcred.FedcredContext;
import dev.fedcred.core.settings.Appearance;
import dev.fedcred.ui.claims.RawTokenCopy;
import dev.fedcred.ui.claims.TokenClipboard;
import dev.fedcred.ui.fx.Shortcut;
import dev.fedcred.ui.issuers.IssuerDialog;
import dev.fedcred.ui.preferences.PreferencesDialog;
import dev.fedcred.ui.testing.FollowingBrowser;
import dev.fedcred.ui.testing.TestContexts;
import dev.fedcred.ui.testing.WindowRobot;
import java.net.URI;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Clock;
import java.util.concurrent.atomic.AtomicBoolean;
import javafx.application.Application;
import javafx.scene.control.RadioButton;
import javafx.scene.input.KeyCode;
import javafx.stage.Stage;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;
import org.junit.jupiter.api.io.TempDir;
import org.testfx.api.FxRobot;
import org.testfx.framework.junit5.ApplicationExtension;
import org.testfx.framework.junit5.Start;

/**
 * Primer Light or Dark as the settings and the operating system say; the Preferences dialog
 * (opened with its shortcut) switches at once and saves the choice; Ctrl+W closes the window.
 */
@ExtendWith(ApplicationExtension.class)
class AppearanceTest {
    private static final String LIGHT = new PrimerLight().getUserAgentStylesheet();
    private static final String DARK = new PrimerDark().getUserAgentStylesheet();

    @TempDir
    Path home;

    /** What the operating system answers; the test flips it. */
    private final AtomicBoolean osDark = new AtomicBoolean(true);
    private FedcredContext context;
    private MainWindow window;
    private Stage stage;

    @Start
    void start(Stage stage) {
        this.stage = stage;
        context = TestContexts.at(home, Clock.systemUTC(), new FollowingBrowser());
        window = open(stage);
    }

    private MainWindow open(Stage on) {
        MainWindow opened = new MainWindow(context, () -> URI.create("http://127.0.0.1:1"),
                new DesktopHooks(osDark::get, TokenClipboard.system(), RawTokenCopy.CLEAR_AFTER));
        opened.show(on);
        return opened;
    }

    @AfterEach
    void stop() {
        window.close();
    }

    private static boolean using(String stylesheet) {
        return stylesheet.equals(Application.getUserAgentStylesheet());
    }

    @Test
    void followsTheSystemUntilPreferencesChooseAndTheChoiceIsSavedAndRead(FxRobot robot) throws Exception {
        WindowRobot ui = new WindowRobot(robot);
        waitUntil(() -> using(DARK));

        robot.push(Shortcut.PREFERENCES.keys());
        RadioButton light = ui.byAccessibleText(RadioButton.class, "Appearance: always light");
        assertThat(ui.byAccessibleText(RadioButton.class, "Appearance: follow the system's light or dark setting")
                .isSelected()).isTrue();
        robot.clickOn(light);
        waitUntil(() -> using(LIGHT));
        waitUntil(() -> context.settings().load().appearance() == Appearance.LIGHT);

        robot.clickOn(ui.byAccessibleText(RadioButton.class, "Appearance: always dark"));
        waitUntil(() -> using(DARK));
        waitUntil(() -> context.settings().load().appearance() == Appearance.DARK);
        assertThat(Files.readString(context.settings().file())).contains("dark");

        // a restart reads the choice, whatever the system says
        osDark.set(false);
        robot.interact(() -> {
            window.close();
            stage.close();
            Application.setUserAgentStylesheet(LIGHT);
            window = open(new Stage());
        });
        waitUntil(() -> using(DARK));
    }

    @Test
    void followTheSystemAsksTheSystemAgain(FxRobot robot) {
        WindowRobot ui = new WindowRobot(robot);
        waitUntil(() -> using(DARK));
        robot.push(Shortcut.PREFERENCES.keys());
        robot.clickOn(ui.byAccessibleText(RadioButton.class, "Appearance: always light"));
        waitUntil(() -> using(LIGHT));

        robot.clickOn(ui.byAccessibleText(RadioButton.class, "Appearance: follow the system's light or dark setting"));
        waitUntil(() -> using(DARK));
        waitUntil(() -> context.settings().load().appearance() == Appearance.SYSTEM);
    }

    @Test
    void shortcutsShowInTooltipsAndCtrlWClosesTheWindow(FxRobot robot) {
        WindowRobot ui = new WindowRobot(robot);
        assertThat(ui.buttonByAccessibleText(MainWindow.ADD_ISSUER).getTooltip().getText())
                .isEqualTo("Add an issuer (" + Shortcut.ADD_ISSUER.keys().getDisplayText() + ")");
        assertThat(ui.buttonByAccessibleText(PreferencesDialog.TITLE).getTooltip().getText()).startsWith("Preferences (");

        robot.push(Shortcut.ADD_ISSUER.keys());
        waitUntil(() -> robot.listTargetWindows().stream()
                .anyMatch(w -> w instanceof Stage s && IssuerDialog.ADD_TITLE.equals(s.getTitle())));
        robot.push(KeyCode.ESCAPE);

        robot.clickOn(ui.buttonByAccessibleText(MainWindow.ADD_ISSUER).getScene().getRoot());
        robot.push(Shortcut.CLOSE_WINDOW.keys());
        waitUntil(() -> !stage.isShowing());
    }
}
