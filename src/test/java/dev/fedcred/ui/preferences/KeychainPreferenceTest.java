package dev.fedcred.ui.preferences;

import com.nimbusds.jwt.JWTClaimsSet;
import dev.fedcred.core.oidc.TokenSet;
import dev.fedcred.core.session.KeychainSetting;
import dev.fedcred.core.session.RefreshTokenVault;
import dev.fedcred.core.session.TokenCache;
import dev.fedcred.core.settings.SettingsStore;
import dev.fedcred.testing.InMemorySecretStore;
import dev.fedcred.testing.TestKeys;
import dev.fedcred.testing.TestTargetKinds;
import dev.fedcred.ui.fx.BackgroundWork;
import dev.fedcred.ui.fx.Resources;
import dev.fedcred.ui.testing.TestContexts;
import dev.fedcred.ui.testing.WindowRobot;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Instant;
import java.util.Date;
import java.util.Map;
import java.util.Objects;
import javafx.scene.Scene;
import javafx.scene.control.CheckBox;
import javafx.scene.control.Label;
import javafx.scene.layout.VBox;
import javafx.stage.Stage;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;
import org.testfx.api.FxRobot;
import org.testfx.framework.junit5.ApplicationExtension;
import org.testfx.framework.junit5.Start;

import static dev.fedcred.ui.testing.WindowRobot.waitUntil;
import static org.assertj.core.api.Assertions.assertThat;

/** The keychain check box and its status line in a plain stage, over real files and a keychain in memory. */
@ExtendWith(ApplicationExtension.class)
class KeychainPreferenceTest {
    private static final String REFRESH = "refresh-token-for-tests-only";

    private final InMemorySecretStore keychain = new InMemorySecretStore();
    private final BackgroundWork work = new BackgroundWork();
    private Path home;
    private SettingsStore settings;
    private TokenCache cache;
    private KeychainNotice notice;

    @Start
    void start(Stage stage) {
        home = TestContexts.newHome();
        settings = new SettingsStore(home.resolve("config/settings.json"), TestTargetKinds.withoutServices());
        cache = new TokenCache(home.resolve("state/tokens.json"),
                new RefreshTokenVault(keychain, () -> settings.load().keychain()));
        cache.save(tokens());
        notice = new KeychainNotice(cache.vault());
        VBox root = new VBox(12, new KeychainPreference(new KeychainSetting(settings, cache), work), notice);
        root.getStyleClass().add("main-window");
        root.getStylesheets().add(Objects.requireNonNull(getClass().getResource(Resources.STYLESHEET)).toExternalForm());
        stage.setScene(new Scene(root, 560, 220));
        stage.show();
    }

    @AfterEach
    void stop() {
        work.close();
    }

    private static TokenSet tokens() {
        TestKeys keys = TestKeys.generate("ui-key");
        Instant exp = Instant.now().plusSeconds(3600);
        String raw = keys.sign(new JWTClaimsSet.Builder().issuer("https://idp.example.test").subject("user-1")
                .audience("cid").expirationTime(Date.from(exp)).issueTime(new Date()).build());
        return new TokenSet("work", raw, Map.of("alg", "RS256"), Map.of("sub", "user-1"), exp, Instant.now(), REFRESH);
    }

    private static String statusText(WindowRobot ui) {
        return ui.byAccessibleText(Label.class, KeychainPreference.STATUS).getText();
    }

    @Test
    void tickingTheBoxMovesTheRefreshTokenIntoTheKeychainAndBack(FxRobot robot) throws Exception {
        WindowRobot ui = new WindowRobot(robot);
        CheckBox box = ui.byAccessibleText(CheckBox.class, KeychainPreference.LABEL);
        waitUntil(() -> !box.isDisabled());
        assertThat(box.isSelected()).isFalse();
        assertThat(statusText(ui)).startsWith("Refresh tokens are kept in the token file");

        robot.clickOn(box);
        waitUntil(() -> statusText(ui).startsWith("Refresh tokens are kept in the test keychain"));
        assertThat(box.isSelected()).isTrue();
        assertThat(settings.load().keychain()).isTrue();
        assertThat(keychain.contents()).containsEntry("work", REFRESH);
        assertThat(Files.readString(cache.file())).doesNotContain(REFRESH);

        robot.clickOn(box);
        waitUntil(() -> statusText(ui).startsWith("Refresh tokens are kept in the token file"));
        assertThat(box.isSelected()).isFalse();
        assertThat(keychain.contents()).isEmpty();
        assertThat(Files.readString(cache.file())).contains(REFRESH);
    }

    @Test
    void aKeychainThatDoesNotAnswerLeavesTheBoxUntickedAndSaysWhy(FxRobot robot) throws Exception {
        WindowRobot ui = new WindowRobot(robot);
        CheckBox box = ui.byAccessibleText(CheckBox.class, KeychainPreference.LABEL);
        waitUntil(() -> !box.isDisabled());
        keychain.stopAnswering();

        robot.clickOn(box);
        waitUntil(() -> statusText(ui).equals(InMemorySecretStore.NOT_ANSWERING));
        waitUntil(() -> !box.isDisabled() && !box.isSelected());
        assertThat(settings.load().keychain()).isFalse();
        assertThat(Files.readString(cache.file())).contains(REFRESH);
        assertThat(notice.isVisible()).isFalse();
    }

    @Test
    void whenTheKeychainStopsAnsweringWhileOnTheWindowSaysTokensAreHeldInMemory(FxRobot robot) throws Exception {
        WindowRobot ui = new WindowRobot(robot);
        CheckBox box = ui.byAccessibleText(CheckBox.class, KeychainPreference.LABEL);
        waitUntil(() -> !box.isDisabled());
        robot.clickOn(box);
        waitUntil(() -> statusText(ui).startsWith("Refresh tokens are kept in the test keychain"));

        keychain.stopAnswering();
        cache.save(tokens());

        waitUntil(notice::isVisible);
        assertThat(notice.getText()).startsWith(InMemorySecretStore.NOT_ANSWERING).contains("in memory for this run only")
                .doesNotContain(REFRESH);
        waitUntil(() -> statusText(ui).contains("in memory for this run only"));
        assertThat(Files.readString(cache.file())).doesNotContain(REFRESH);
    }
}
