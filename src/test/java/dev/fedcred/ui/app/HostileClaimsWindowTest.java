package dev.fedcred.ui.app;

import static dev.fedcred.ui.testing.WindowRobot.onFx;
import static dev.fedcred.ui.testing.WindowRobot.waitUntil;
import static org.assertj.core.api.Assertions.assertThat;

import dev.fedcred.core.oidc.TokenSet;
import dev.fedcred.ui.claims.ClaimRow;
import dev.fedcred.ui.claims.RawTokenCopy;
import dev.fedcred.ui.claims.TokenClipboard;
import dev.fedcred.ui.testing.SceneTexts;
import dev.fedcred.ui.testing.WindowRobot;
import java.nio.file.Path;
import javafx.scene.control.TableView;
import javafx.stage.Stage;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;
import org.junit.jupiter.api.io.TempDir;
import org.testfx.api.FxRobot;
import org.testfx.framework.junit5.ApplicationExtension;
import org.testfx.framework.junit5.Start;

/**
 * Signed in to a sandbox whose user's email and name carry terminal escapes, C1 controls and a bidi
 * override: the claims viewer, the issuer card and every text in the window show them escaped.
 */
@ExtendWith(ApplicationExtension.class)
class HostileClaimsWindowTest {
    private static final String EMAIL = "eve\u202Egpj.exe\u001b[2J@example.com";
    private static final String NAME = "Eve\u009b31m\u0085\u2066";

    @TempDir
    Path home;

    private SandboxWindow shown;

    @Start
    void start(Stage stage) throws Exception {
        shown = SandboxWindow.show(stage, home, new DesktopHooks(() -> false, TokenClipboard.system(),
                RawTokenCopy.CLEAR_AFTER), options -> options.withUserClaim("email", EMAIL).withUserClaim("name", NAME));
    }

    @AfterEach
    void stop() {
        shown.close();
    }

    @Test
    void theClaimsViewerAndTheIssuerCardShowTheEscapedForm(FxRobot robot) {
        WindowRobot ui = new WindowRobot(robot);
        ui.click(ui.buttonByAccessibleText("Sign in to sandbox"));
        waitUntil(() -> ui.labelShowingStartingWith("Signed in as eve\\u202Egpj.exe\\u001B[2J@example.com"));

        // looked up on the FX thread: the window is still filling in its claims and cards
        TableView<ClaimRow> claims = onFx(() -> robot.lookup("#claims-table").queryTableView());
        waitUntil(() -> claims.getItems().stream().anyMatch(row -> row.name().equals("email")));
        assertThat(valueOf(claims, "email")).isEqualTo("eve\\u202Egpj.exe\\u001B[2J@example.com");
        assertThat(valueOf(claims, "name")).isEqualTo("Eve\\u009B31m\\u0085\\u2066");
        // the token itself keeps what the issuer signed; only what is shown is escaped
        TokenSet tokens = shown.context().sessions().current("sandbox").orElseThrow();
        assertThat(tokens.stringClaim("email")).isEqualTo(EMAIL);

        assertThat(SceneTexts.everywhere()).allSatisfy(text -> assertThat(text.chars()
                .filter(c -> c != '\n' && c != '\t')
                .filter(c -> Character.isISOControl(c) || (c >= 0x202A && c <= 0x202E) || (c >= 0x2066 && c <= 0x2069))
                .toArray()).as(text).isEmpty());
    }

    private static String valueOf(TableView<ClaimRow> table, String claim) {
        return table.getItems().stream().filter(row -> row.name().equals(claim)).findFirst().orElseThrow().value();
    }
}
