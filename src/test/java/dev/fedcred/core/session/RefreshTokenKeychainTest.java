package dev.fedcred.core.session;

import dev.fedcred.testing.TestTargetKinds;
import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import com.nimbusds.jwt.JWTClaimsSet;
import dev.fedcred.core.oidc.TokenSet;
import dev.fedcred.core.secrets.KeychainUnavailableException;
import dev.fedcred.core.secrets.SecretStore;
import dev.fedcred.core.settings.SettingsStore;
import dev.fedcred.testing.InMemorySecretStore;
import dev.fedcred.testing.TestKeys;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Instant;
import java.util.ArrayList;
import java.util.Date;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** Where refresh tokens go with the keychain setting on and off, and when the keychain does not answer. */
class RefreshTokenKeychainTest {
    private static final TestKeys KEYS = TestKeys.generate("keychain-key");
    private static final String REFRESH = "refresh-token-for-tests-only";

    @TempDir
    Path home;

    private final InMemorySecretStore keychain = new InMemorySecretStore();

    private SettingsStore settings() {
        return new SettingsStore(home.resolve("config/settings.json"), TestTargetKinds.withoutServices());
    }

    private Path tokenFile() {
        return home.resolve("state/tokens.json");
    }

    /** A new process: a new cache over the same files and the same keychain. */
    private TokenCache cache() {
        SettingsStore settings = settings();
        return new TokenCache(tokenFile(), new RefreshTokenVault(keychain, () -> settings.load().keychain()));
    }

    private KeychainSetting setting(TokenCache cache) {
        return new KeychainSetting(settings(), cache);
    }

    private static TokenSet tokens(String issuer, String refresh) {
        Instant exp = Instant.parse("2026-11-29T13:00:00Z");
        String raw = KEYS.sign(new JWTClaimsSet.Builder().issuer("https://idp.example.test").subject("user-1")
                .audience("cid").expirationTime(Date.from(exp)).issueTime(Date.from(exp.minusSeconds(3600))).build());
        return new TokenSet(issuer, raw, Map.of("alg", "RS256"), Map.of("sub", "user-1"), exp,
                Instant.parse("2026-11-29T12:00:00Z"), refresh);
    }

    private String fileText() throws Exception {
        return Files.readString(tokenFile());
    }

    @Test
    void offByDefaultTheRefreshTokenStaysInTheFileAndTheKeychainIsNeverAsked() throws Exception {
        keychain.stopAnswering();
        cache().save(tokens("work", REFRESH));

        assertThat(fileText()).contains(REFRESH);
        assertThat(cache().load("work").orElseThrow().refreshToken()).isEqualTo(REFRESH);
        assertThat(cache().remove("work")).isTrue();
        assertThat(keychain.failures()).isZero();
        assertThat(cache().vault().unavailableNotice()).isEmpty();
    }

    @Test
    void onTheRefreshTokenGoesToTheKeychainAndComesBackAfterARestart() throws Exception {
        settings().update(s -> s.withKeychain(true));
        cache().save(tokens("work", REFRESH));

        assertThat(fileText()).doesNotContain(REFRESH).contains("\"refresh_token_in\" : \"keychain\"");
        assertThat(keychain.contents()).containsEntry("work", REFRESH);
        TokenSet restarted = cache().load("work").orElseThrow();
        assertThat(restarted.refreshToken()).isEqualTo(REFRESH);
        assertThat(cache().latest().orElseThrow().refreshToken()).isEqualTo(REFRESH);
    }

    @Test
    void signingOutDeletesTheRefreshTokenFromTheKeychain() {
        settings().update(s -> s.withKeychain(true));
        cache().save(tokens("work", REFRESH));
        cache().save(tokens("home", "another-refresh-token"));

        assertThat(cache().remove("work")).isTrue();
        assertThat(keychain.contents()).containsOnlyKeys("home");
        assertThat(cache().load("home").orElseThrow().refreshToken()).isEqualTo("another-refresh-token");
    }

    @Test
    void turningOnMovesTokensIntoTheKeychainAndTurningOffMovesThemBack() throws Exception {
        TokenCache cache = cache();
        cache.save(tokens("work", REFRESH));
        cache.save(tokens("plain", null));

        KeychainSetting.Change on = setting(cache).turnOn();
        assertThat(on.notMoved()).isEmpty();
        assertThat(on.status().on()).isTrue();
        assertThat(on.status().where()).contains("kept in the test keychain");
        assertThat(settings().load().keychain()).isTrue();
        assertThat(fileText()).doesNotContain(REFRESH);
        assertThat(keychain.contents()).containsOnly(Map.entry("work", REFRESH));
        assertThat(cache().load("work").orElseThrow().refreshToken()).isEqualTo(REFRESH);
        assertThat(cache().load("plain").orElseThrow().hasRefreshToken()).isFalse();

        KeychainSetting.Change off = setting(cache()).turnOff();
        assertThat(off.notMoved()).isEmpty();
        assertThat(off.status().where()).contains("kept in the token file");
        assertThat(settings().load().keychain()).isFalse();
        assertThat(fileText()).contains(REFRESH).doesNotContain("refresh_token_in");
        assertThat(keychain.contents()).isEmpty();
        assertThat(cache().load("work").orElseThrow().refreshToken()).isEqualTo(REFRESH);
    }

    /** A keychain that answers the probe but will not store: a locked collection, a full or read-only store. */
    private static final class ProbesButCannotStore implements SecretStore {
        static final String REFUSED = "The test keychain refused to store the item.";

        @Override
        public String name() {
            return "test keychain";
        }

        @Override
        public void put(String key, String secret) {
            throw new KeychainUnavailableException(REFUSED);
        }

        @Override
        public Optional<String> get(String key) {
            return Optional.empty();
        }

        @Override
        public void delete(String key) {
        }
    }

    @Test
    void aKeychainThatAnswersButCannotStoreLeavesTheTokensInTheFileAndEveryMessageSaysSo() throws Exception {
        SettingsStore settings = settings();
        TokenCache cache = new TokenCache(tokenFile(), new RefreshTokenVault(new ProbesButCannotStore(),
                () -> settings.load().keychain()));
        cache.save(tokens("work", REFRESH));
        cache.save(tokens("plain", null));

        KeychainSetting.Change on = new KeychainSetting(settings, cache).turnOn();
        assertThat(on.notMoved()).containsExactly("work");
        assertThat(fileText()).contains(REFRESH);
        assertThat(on.notMovedSentence()).isEqualTo("The refresh tokens of work stayed in the token file " + tokenFile()
                + ": " + ProbesButCannotStore.REFUSED);
        assertThat(on.status().where()).doesNotContain("has none")
                .contains("The refresh tokens of work are still in the token file " + tokenFile());

        KeychainSetting.Status later = new KeychainSetting(settings, cache).status();
        assertThat(later.where()).as("a status asked afterwards").doesNotContain("has none")
                .contains("The refresh tokens of work are still in the token file");
    }

    @Test
    void turningOnWhileTheKeychainDoesNotAnswerFailsAndChangesNothing() throws Exception {
        cache().save(tokens("work", REFRESH));
        keychain.stopAnswering();

        assertThatThrownBy(() -> setting(cache()).turnOn()).isInstanceOf(KeychainUnavailableException.class)
                .hasMessage(InMemorySecretStore.NOT_ANSWERING);
        assertThat(settings().load().keychain()).isFalse();
        assertThat(fileText()).contains(REFRESH);
    }

    @Test
    void turningOffWhileTheKeychainDoesNotAnswerLeavesTheTokenThereAndSaysWhich() throws Exception {
        settings().update(s -> s.withKeychain(true));
        cache().save(tokens("work", REFRESH));
        keychain.stopAnswering();

        KeychainSetting.Change off = setting(cache()).turnOff();
        assertThat(off.notMoved()).containsExactly("work");
        assertThat(off.reason()).isEqualTo(InMemorySecretStore.NOT_ANSWERING);
        assertThat(off.notMovedSentence()).startsWith("The refresh tokens of work stayed in the test keychain: ");
        assertThat(off.status().where()).contains("The refresh tokens of work are still in the test keychain");
        assertThat(settings().load().keychain()).isFalse();

        keychain.answerAgain();
        assertThat(cache().load("work").orElseThrow().refreshToken()).as("still found in the keychain").isEqualTo(REFRESH);
    }

    @Test
    void onWithoutAnAnsweringKeychainKeepsTheTokenInMemoryNotInTheFileAndSaysSoOnce() throws Exception {
        settings().update(s -> s.withKeychain(true));
        keychain.stopAnswering();
        TokenCache cache = cache();
        List<String> notices = new ArrayList<>();
        cache.vault().onKeychainUnavailable(notices::add);

        cache.save(tokens("work", REFRESH));
        cache.save(tokens("home", "another-refresh-token"));

        assertThat(fileText()).doesNotContain(REFRESH).doesNotContain("another-refresh-token").doesNotContain("refresh_token_in");
        assertThat(cache.load("work").orElseThrow().refreshToken()).as("this process still renews").isEqualTo(REFRESH);
        assertThat(notices).hasSize(1);
        assertThat(notices.get(0)).startsWith(InMemorySecretStore.NOT_ANSWERING)
                .contains("in memory for this run only").doesNotContain(REFRESH);
        assertThat(setting(cache).status().where()).contains("kept in memory only");

        assertThat(cache().load("work").orElseThrow().hasRefreshToken()).as("a later run has none").isFalse();
    }

    @Test
    void aKeychainThatStopsAnsweringAfterARestartMeansNoRefreshTokenAndANotice() {
        settings().update(s -> s.withKeychain(true));
        cache().save(tokens("work", REFRESH));
        keychain.stopAnswering();

        TokenCache restarted = cache();
        assertThat(restarted.load("work").orElseThrow().hasRefreshToken()).isFalse();
        assertThat(restarted.vault().unavailableNotice()).hasValueSatisfying(notice ->
                assertThat(notice).contains("needs a browser sign-in"));
    }
}
