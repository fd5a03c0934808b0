package dev.fedcred.core.settings;

import dev.fedcred.testing.TestTargetKinds;
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
import java.util.stream.Stream;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.Arguments;
import org.junit.jupiter.params.provider.MethodSource;

class SettingsStoreTest {
    @TempDir
    Path home;

    private Path file() {
        return home.resolve("config/settings.json");
    }

    private IssuerRegistry registry() {
        return new IssuerRegistry(new SettingsStore(file(), TestTargetKinds.withoutServices()), URI.create("http://127.0.0.1:9750"));
    }

    private IssuerEditor editor() {
        return new IssuerEditor(new SettingsStore(file(), TestTargetKinds.withoutServices()), () -> {
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
        SettingsStore store = new SettingsStore(file(), TestTargetKinds.withoutServices());
        assertThat(store.load().keychain()).isFalse();

        store.update(settings -> settings.withKeychain(true));
        assertThat(Files.readString(file())).contains("\"keychain\" : true");
        editor().add(new IssuerConfig("work", IssuerKind.GENERIC, URI.create("https://login.example.test"),
                "fedcred", null, null, null));
        store.update(settings -> settings.withDefaultIssuer("work"));

        Settings reread = new SettingsStore(file(), TestTargetKinds.withoutServices()).load();
        assertThat(reread.keychain()).isTrue();
        assertThat(reread.issuer("work")).isPresent();
        assertThat(reread.withKeychain(false).issuer("work")).isPresent();
        store.update(settings -> settings.withKeychain(false));
        assertThat(Files.readString(file())).doesNotContain("keychain").contains("\"work\"");
    }

    static Stream<Arguments> wrongTypes() {
        return Stream.of(
                Arguments.of("{\n  \"issuers\": \"x\"\n}", "line 2, column 14", "\"issuers\" must be a list"),
                Arguments.of("{\"issuers\": [\n  \"work\"\n]}", "line 2, column 3", "an issuer must be a JSON object"),
                Arguments.of("{\"targets\": [{\"name\": \"t\", \"kind\": \"aws\",\n  \"role_arn\": \"arn:aws:iam::1:role/r\", \"profile\": 42}]}", "line 2, column 51", "\"profile\" must be a string"),
                Arguments.of("{\"issuers\": [{\"name\": \"w\", \"issuer\": \"https://idp.example.test\", \"client_id\": \"c\",\n \"scopes\": [\"openid\", 7]}]}", "line 2, column 23", "\"scopes\" must hold strings"),
                Arguments.of("{\"targets\": [{\"name\": \"t\", \"kind\": \"aws\", \"role_arn\": \"arn:aws:iam::1:role/r\", \"profile\": \"p\",\n\"duration_seconds\": \"3600\"}]}", "line 2, column 21", "\"duration_seconds\" must be a whole number"),
                Arguments.of("{\"keychain\": \"yes\"}", "line 1, column 14", "\"keychain\" must be true or false"),
                Arguments.of("{\"default_issuer\": [\"a\"]}", "line 1, column 20", "\"default_issuer\" must be a string"),
                Arguments.of("[1, 2]", "line 1, column 1", "the top level must be a JSON object"));
    }

    @ParameterizedTest
    @MethodSource("wrongTypes")
    void aValueOfTheWrongTypeIsRefusedWithItsPositionAndNeverOverwritten(String text, String where, String problem)
            throws Exception {
        Files.createDirectories(file().getParent());
        Files.writeString(file(), text);

        assertThatThrownBy(() -> registry().all())
                .isInstanceOf(SettingsFileException.class)
                .hasMessageContaining(file().toString())
                .hasMessageContaining(where)
                .hasMessageContaining(problem)
                .hasMessageContaining("will not overwrite");
        assertThatThrownBy(() -> editor().add(new IssuerConfig("other", IssuerKind.GENERIC,
                URI.create("https://idp.example.test"), "cid", null, null, null)))
                .isInstanceOf(SettingsFileException.class);
        assertThatThrownBy(() -> new SettingsStore(file(), TestTargetKinds.withoutServices()).update(settings -> settings.withKeychain(true)))
                .isInstanceOf(SettingsFileException.class);
        assertThat(Files.readString(file())).isEqualTo(text);
    }

    @Test
    void keysFedcredDoesNotKnowAreKeptOnSave() throws Exception {
        Files.createDirectories(file().getParent());
        Files.writeString(file(), """
                {"note": "set up by ops", "version": 1,
                 "issuers": [{"name": "work", "issuer": "https://login.example.test", "client_id": "fedcred",
                              "owner": "team-a", "scopes": ["openid"]}],
                 "targets": [{"name": "dev", "kind": "aws", "role_arn": "arn:aws:iam::000000000000:role/dev",
                              "profile": "dev", "region": "eu-west-1", "ticket": {"id": 42}},
                             {"name": "gone", "kind": "aws", "role_arn": "arn:aws:iam::000000000000:role/gone",
                              "profile": "gone", "x": 1}],
                 "future_setting": [1, 2]}
                """);
        SettingsStore store = new SettingsStore(file(), TestTargetKinds.withoutServices());

        editor().add(new IssuerConfig("other", IssuerKind.GENERIC, URI.create("https://idp.example.test"), "cid",
                null, null, null));
        store.update(settings -> settings.withoutTarget("gone").withKeychain(true));

        var saved = dev.fedcred.core.Json.MAPPER.readTree(file().toFile());
        assertThat(saved.path("note").asText()).isEqualTo("set up by ops");
        assertThat(saved.path("future_setting").toString()).isEqualTo("[1,2]");
        assertThat(saved.path("keychain").asBoolean()).isTrue();
        assertThat(saved.path("issuers").get(0).path("owner").asText()).isEqualTo("team-a");
        assertThat(saved.path("issuers").get(1).has("owner")).isFalse();
        assertThat(saved.path("targets")).hasSize(1);
        assertThat(saved.path("targets").get(0).path("ticket").path("id").asInt()).isEqualTo(42);
        assertThat(saved.path("targets").get(0).path("region").asText()).isEqualTo("eu-west-1");

        store.update(settings -> settings.withTarget(new dev.fedcred.core.aws.AwsRoleTarget("dev",
                "arn:aws:iam::000000000000:role/dev", "dev", null, java.time.Duration.ofHours(1), null, null, null), "dev"));
        var edited = dev.fedcred.core.Json.MAPPER.readTree(file().toFile()).path("targets").get(0);
        assertThat(edited.has("region")).as("a known key the edit removed stays removed").isFalse();
        assertThat(edited.path("ticket").path("id").asInt()).isEqualTo(42);
    }

    @Test
    void aSettingsFileOverTheLimitIsRefusedNamingItsSizeAndNeverOverwritten() throws Exception {
        Files.createDirectories(file().getParent());
        long size = dev.fedcred.core.files.FileSizeLimit.SETTINGS.maxBytes() + 1;
        try (java.io.RandomAccessFile big = new java.io.RandomAccessFile(file().toFile(), "rw")) {
            big.setLength(size);
        }

        assertThatThrownBy(() -> registry().all())
                .isInstanceOf(SettingsFileException.class)
                .hasMessageContaining(file().toString()).hasMessageContaining(size + " bytes");
        assertThatThrownBy(() -> new SettingsStore(file(), TestTargetKinds.withoutServices()).update(settings -> settings.withKeychain(true)))
                .isInstanceOf(SettingsFileException.class);
        assertThat(Files.size(file())).isEqualTo(size);
    }

    /** The target's kind as the whole tree gives it: what targetKindId read before it streamed. */
    private static java.util.Optional<String> kindFromTheTree(String text, String name) throws Exception {
        com.fasterxml.jackson.databind.JsonNode targets = dev.fedcred.core.JsonTrees.read(text).path("targets");
        for (com.fasterxml.jackson.databind.JsonNode target : targets) {
            if (name.equals(target.path("name").textValue())) {
                return java.util.Optional.of(target.path("kind").asText(""));
            }
        }
        return java.util.Optional.empty();
    }

    @ParameterizedTest
    @org.junit.jupiter.params.provider.ValueSource(strings = {
        "{\"targets\":[{\"name\":\"a\",\"kind\":\"aws-role\"},{\"name\":\"t\",\"kind\":\"aws-chained-role\",\"x\":{\"kind\":1}}]}",
        "{\"issuers\":[{\"name\":\"t\"}],\"targets\":[{\"kind\":\"k\",\"name\":\"t\"},{\"name\":\"t\",\"kind\":\"second\"}]}",
        "{\"targets\":[{\"name\":\"t\"}]}", "{\"targets\":[{\"name\":\"t\",\"kind\":null}]}",
        "{\"targets\":[{\"name\":\"t\",\"kind\":12}]}", "{\"targets\":[{\"name\":\"t\",\"kind\":{\"a\":[1]}}]}",
        "{\"targets\":[\"t\",[{\"name\":\"t\"}],{\"name\":[\"t\"],\"kind\":\"k\"}]}", "{\"targets\":[]}", "{}",
        "[{\"targets\":[{\"name\":\"t\",\"kind\":\"k\"}]}]", "\"text\""})
    void findsATargetsKindAsTheWholeTreeDoes(String text) throws Exception {
        Files.createDirectories(file().getParent());
        Files.writeString(file(), text);

        assertThat(TargetKindIds.of(file(), "t")).isEqualTo(kindFromTheTree(text, "t"));
    }

    @ParameterizedTest
    @org.junit.jupiter.params.provider.ValueSource(strings = {"{\"targets\":{}}", "{\"targets\":null}",
        "{\"targets\":[{\"name\":\"t\",\"kind\":\"k\"}],\"x\":{\"a\":1,\"a\":2}}",
        "{\"targets\":[{\"name\":\"t\",\"kind\":\"k\"}], ", "{\"targets\":\"t\",\"x\":}"})
    void aTargetsKindIsNotReadFromAFileThatIsNotUsable(String text) throws Exception {
        Files.createDirectories(file().getParent());
        Files.writeString(file(), text);

        assertThatThrownBy(() -> TargetKindIds.of(file(), "t")).isInstanceOf(SettingsFileException.class)
                .hasMessageContaining(file().toString());
    }
}
