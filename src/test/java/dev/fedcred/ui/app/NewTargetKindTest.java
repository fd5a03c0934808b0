package dev.fedcred.ui.app;

import dev.fedcred.testing.vault.VaultRoleKind;
import dev.fedcred.testing.vault.VaultRoleTarget;
import dev.fedcred.ui.claims.RawTokenCopy;
import dev.fedcred.ui.claims.TokenClipboard;
import dev.fedcred.ui.fx.FormDialog;
import dev.fedcred.ui.targets.TargetEditing;
import dev.fedcred.ui.testing.WindowRobot;
import java.nio.file.Path;
import java.util.List;
import java.util.Optional;
import javafx.scene.control.Button;
import javafx.scene.control.ComboBox;
import javafx.scene.control.MenuButton;
import javafx.scene.control.MenuItem;
import javafx.scene.control.TextField;
import javafx.stage.Stage;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;
import org.junit.jupiter.api.io.TempDir;
import org.testfx.api.FxRobot;
import org.testfx.framework.junit5.ApplicationExtension;
import org.testfx.framework.junit5.Start;

import static dev.fedcred.ui.testing.WindowRobot.waitUntil;
import static org.assertj.core.api.Assertions.assertThat;

/**
 * A kind of target defined only in test code ({@link VaultRoleKind}) and registered with the
 * composition root, with no window code of its own: the Add menu offers it, its dialog shows the
 * fields its form lists (text, a file with Browse, another target to choose, the issuer), each
 * problem beside its field, and it saves, lists and edits like the built-in kinds.
 */
@ExtendWith(ApplicationExtension.class)
class NewTargetKindTest {
    @TempDir
    Path home;

    private SandboxWindow shown;
    private Path defaultToken;
    private Path picked;

    @Start
    void start(Stage stage) throws Exception {
        defaultToken = home.resolve(".vault-token");
        picked = home.resolve("vault/dev-token");
        shown = SandboxWindow.show(stage, home, new DesktopHooks(() -> false, TokenClipboard.system(),
                RawTokenCopy.CLEAR_AFTER, (owner, title, suggested) -> Optional.of(picked)),
                List.of(new VaultRoleKind(defaultToken)));
    }

    @AfterEach
    void stop() {
        shown.close();
    }

    @Test
    @SuppressWarnings("unchecked")
    void aRegisteredKindIsOfferedRenderedFromItsFormAndSaved(FxRobot robot) throws Exception {
        WindowRobot ui = new WindowRobot(robot);
        waitUntil(() -> ui.buttonShowing("Assume role sandbox-aws"));
        MenuButton add = ui.byAccessibleText(MenuButton.class, TargetEditing.ADD_TARGET);
        assertThat(add.getItems()).extracting(MenuItem::getText)
                .containsExactly("AWS role…", "GCP workload identity…", "Chained AWS role…", "Kubernetes cluster…",
                        "Vault role…");
        robot.clickOn(add);
        waitUntil(add::isShowing);
        robot.clickOn("Vault role…");
        Button save = ui.byAccessibleText(Button.class, FormDialog.SAVE);

        assertThat(ui.labelShowing("Writes a Vault token to " + defaultToken + ".")).isTrue();
        assertThat(ui.labelShowing("The role's name in Vault's JWT auth method.")).isTrue();
        ComboBox<String> source = ui.byAccessibleText(ComboBox.class, "Source target");
        assertThat(source.getItems()).as("only targets of the kinds it offers").containsExactly("sandbox-aws");
        assertThat(ui.byAccessibleText(ComboBox.class, "Issuer").getItems()).isNotEmpty();
        ui.enter(field(ui, "Name"), "vault-dev");
        ui.enter(field(ui, "Vault role"), "Dev Reader");
        waitUntil(() -> ui.fieldError("Vault role").isPresent());
        assertThat(ui.fieldError("Vault role")).hasValue("Enter the Vault role: lowercase letters, digits and hyphens.");
        assertThat(save.isDisabled()).isTrue();

        ui.enter(field(ui, "Vault role"), "dev-reader");
        ui.click(ui.buttonByAccessibleText("Browse for the token file"));
        waitUntil(() -> picked.toString().equals(field(ui, "Token file").getText()));
        assertThat(ui.labelShowing("Writes a Vault token to " + picked + ".")).isTrue();
        robot.interact(() -> source.setValue("sandbox-aws"));
        waitUntil(() -> !save.isDisabled());
        ui.click(save);

        waitUntil(() -> ui.buttonShowing("Log in vault-dev"));
        VaultRoleTarget saved = new VaultRoleTarget("vault-dev", "dev-reader", picked, "sandbox-aws", null);
        assertThat(shown.context().targets().resolve("vault-dev")).isEqualTo(saved);

        ui.click(ui.buttonByAccessibleText("Edit target vault-dev…"));
        waitUntil(() -> "dev-reader".equals(field(ui, "Vault role").getText()));
        assertThat(field(ui, "Token file").getText()).isEqualTo(picked.toString());
        ComboBox<String> editedSource = ui.byAccessibleText(ComboBox.class, "Source target");
        assertThat(editedSource.getValue()).isEqualTo("sandbox-aws");
        assertThat(editedSource.getItems()).doesNotContain("vault-dev");
    }

    private static TextField field(WindowRobot ui, String name) {
        return ui.byAccessibleText(TextField.class, name);
    }
}
