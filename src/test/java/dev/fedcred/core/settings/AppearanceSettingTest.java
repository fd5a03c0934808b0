package dev.fedcred.core.settings;

import dev.fedcred.testing.TestTargetKinds;
import static org.assertj.core.api.Assertions.assertThat;

import dev.fedcred.core.oidc.IssuerConfig;
import dev.fedcred.core.oidc.IssuerKind;
import java.net.URI;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** The window's appearance in settings.json: optional, kept across every other change, and never in the way. */
class AppearanceSettingTest {
    @TempDir
    Path home;

    private SettingsStore store() {
        return new SettingsStore(home.resolve("settings.json"), TestTargetKinds.withoutServices());
    }

    @Test
    void aFileWithoutTheFieldFollowsTheSystemAndKeepsEverythingElse() throws Exception {
        Files.writeString(store().file(), "{\"version\":1,\"default_issuer\":\"work\",\"issuers\":[{\"name\":\"work\","
                + "\"kind\":\"generic\",\"issuer\":\"https://idp.example.test\",\"client_id\":\"cid\"}],\"targets\":[]}");

        Settings settings = store().load();
        assertThat(settings.appearance()).isEqualTo(Appearance.SYSTEM);

        store().update(s -> s.withAppearance(Appearance.DARK));
        Settings reread = store().load();
        assertThat(reread.appearance()).isEqualTo(Appearance.DARK);
        assertThat(reread.defaultIssuer()).isEqualTo("work");
        assertThat(reread.issuers()).extracting(IssuerConfig::name).containsExactly("work");
        assertThat(Files.readString(store().file())).containsPattern("\"appearance\"\\s*:\\s*\"dark\"");
    }

    @Test
    void otherChangesKeepTheAppearance() {
        store().update(s -> s.withAppearance(Appearance.LIGHT));
        store().update(s -> s.withIssuer(new IssuerConfig("work", IssuerKind.GENERIC, URI.create("https://idp.example.test"),
                "cid", null, List.of("openid"), null)));
        store().update(s -> s.withDefaultIssuer("work"));
        store().update(s -> s.withoutIssuer("work"));
        store().update(s -> s.withKeychain(true));

        assertThat(store().load().appearance()).isEqualTo(Appearance.LIGHT);
        store().update(s -> s.withAppearance(Appearance.DARK));
        assertThat(store().load().keychain()).isTrue();
    }

    @Test
    void backToSystemLeavesTheFieldOut() throws Exception {
        store().update(s -> s.withAppearance(Appearance.DARK));
        store().update(s -> s.withAppearance(Appearance.SYSTEM));

        assertThat(Files.readString(store().file())).doesNotContain("appearance");
        assertThat(store().load().appearance()).isEqualTo(Appearance.SYSTEM);
    }

    @Test
    void aWordItDoesNotKnowFallsBackToTheSystemInsteadOfBreakingTheFile() throws Exception {
        Files.writeString(store().file(), "{\"version\":1,\"appearance\":\"sepia\",\"issuers\":[],\"targets\":[]}");

        assertThat(store().load().appearance()).isEqualTo(Appearance.SYSTEM);
        assertThat(Appearance.fromWord(" Dark ")).contains(Appearance.DARK);
        assertThat(Appearance.fromWord("sepia")).isEmpty();
    }
}
