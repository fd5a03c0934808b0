package dev.fedcred.core.settings;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import dev.fedcred.core.FedcredException;
import dev.fedcred.core.issuers.IssuerEditor;
import dev.fedcred.core.issuers.IssuerRegistry;
import dev.fedcred.core.oidc.IssuerConfig;
import dev.fedcred.core.oidc.IssuerKind;
import dev.fedcred.core.oidc.RedirectSpec;
import java.net.URI;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.attribute.PosixFilePermissions;
import java.util.List;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class SettingsStoreTest {
    @TempDir
    Path home;

    private Path file() {
        return home.resolve("config/settings.json");
    }

    private IssuerRegistry registry() {
        return new IssuerRegistry(new SettingsStore(file()), URI.create("http://127.0.0.1:9750"));
    }

    private IssuerEditor editor() {
        return new IssuerEditor(new SettingsStore(file()), () -> {
            throw new AssertionError("adding an issuer signs nobody out");
        });
    }

    @Test
    void withNoFileOnlyTheSandboxExistsAndIsTheDefault() {
        assertThat(registry().all()).extracting(IssuerConfig::name).containsExactly("sandbox");
        assertThat(registry().resolve(null).isSandbox()).isTrue();
        assertThat(registry().resolve(null).label()).isEqualTo("sandbox (sandbox)");
    }

    @Test
    void savesAndReadsBackIssuersInAPrivateFile() throws Exception {
        IssuerEditor editor = editor();
        editor.add(IssuerRegistry.google("google", "123-abc.apps.googleusercontent.com", "not-really-secret",
                new RedirectSpec(3000, "/auth/google/callback")));
        editor.add(new IssuerConfig("work", IssuerKind.GENERIC, URI.create("https://login.example.test/realms/x"),
                "fedcred", null, List.of("openid", "email"), null));

        IssuerRegistry reread = registry();
        IssuerConfig google = reread.find("google").orElseThrow();
        assertThat(google.kind()).isEqualTo(IssuerKind.GOOGLE);
        assertThat(google.issuer()).hasToString("https://accounts.google.com");
        assertThat(google.redirect()).isEqualTo(new RedirectSpec(3000, "/auth/google/callback"));
        assertThat(google.clientSecret()).isEqualTo("not-really-secret");
        assertThat(reread.find("work").orElseThrow().scopes()).containsExactly("openid", "email");
        assertThat(reread.resolve(null).name()).isEqualTo("google");
        assertThat(PosixFilePermissions.toString(Files.getPosixFilePermissions(file()))).isEqualTo("rw-------");
        assertThat(PosixFilePermissions.toString(Files.getPosixFilePermissions(file().getParent()))).isEqualTo("rwx------");
    }

    @Test
    void aFileThatDoesNotParseNamesTheFileAndPositionAndIsNeverOverwritten() throws Exception {
        Files.createDirectories(file().getParent());
        String broken = "{\n  \"issuers\": [\n    {\"name\": \"work\",, }\n  ]\n}\n";
        Files.writeString(file(), broken);

        assertThatThrownBy(() -> registry().all())
                .isInstanceOf(SettingsFileException.class)
                .hasMessageContaining(file().toString())
                .hasMessageContaining("line 3, column")
                .hasMessageContaining("will not overwrite");
        assertThatThrownBy(() -> editor().add(new IssuerConfig("other", IssuerKind.GENERIC,
                URI.create("https://idp.example.test"), "cid", null, null, null)))
                .isInstanceOf(SettingsFileException.class);
        assertThat(Files.readString(file())).isEqualTo(broken);
    }

    @Test
    void anEntryWithoutAClientIdIsReported() throws Exception {
        Files.createDirectories(file().getParent());
        Files.writeString(file(), "{\"issuers\":[{\"name\":\"x\",\"issuer\":\"https://idp.example.test\"}]}");
        assertThatThrownBy(() -> registry().all()).hasMessageContaining("client_id").hasMessageContaining(file().toString());
    }

    @Test
    void refusesBadIssuers() {
        IssuerRegistry registry = registry();
        assertThatThrownBy(() -> editor().add(new IssuerConfig("plain", IssuerKind.GENERIC,
                URI.create("http://idp.example.test"), "cid", null, null, null)))
                .isInstanceOf(FedcredException.class).hasMessageContaining("must use https");
        assertThatThrownBy(() -> editor().add(new IssuerConfig("sandbox", IssuerKind.GENERIC,
                URI.create("https://idp.example.test"), "cid", null, null, null)))
                .hasMessageContaining("built-in sandbox");
        assertThatThrownBy(() -> editor().add(new IssuerConfig("bad name!", IssuerKind.GENERIC,
                URI.create("https://idp.example.test"), "cid", null, null, null)))
                .hasMessageContaining("not a usable issuer name");
        assertThatThrownBy(() -> editor().add(new IssuerConfig("noid", IssuerKind.GENERIC,
                URI.create("https://idp.example.test"), "cid", null, List.of("email"), null)))
                .hasMessageContaining("openid");
        assertThatThrownBy(() -> editor().remove("sandbox")).hasMessageContaining("built in");
        assertThatThrownBy(() -> registry.resolve("nope")).hasMessageContaining("no issuer named \"nope\"");
    }

    @Test
    void theKeychainSettingIsOffWithoutTheFieldAndSurvivesOtherChanges() throws Exception {
        Files.createDirectories(file().getParent());
        Files.writeString(file(), "{\"issuers\":[],\"targets\":[]}");
        SettingsStore store = new SettingsStore(file());
        assertThat(store.load().keychain()).isFalse();

        store.update(settings -> settings.withKeychain(true));
        assertThat(Files.readString(file())).contains("\"keychain\" : true");
        editor().add(new IssuerConfig("work", IssuerKind.GENERIC, URI.create("https://login.example.test"),
                "fedcred", null, null, null));
        store.update(settings -> settings.withDefaultIssuer("work"));

        Settings reread = new SettingsStore(file()).load();
        assertThat(reread.keychain()).isTrue();
        assertThat(reread.issuer("work")).isPresent();
        assertThat(reread.withKeychain(false).issuer("work")).isPresent();
        store.update(settings -> settings.withKeychain(false));
        assertThat(Files.readString(file())).doesNotContain("keychain").contains("\"work\"");
    }
}
