package dev.fedcred.core.session;

import static org.assertj.core.api.Assertions.assertThat;

import com.nimbusds.jwt.JWTClaimsSet;
import dev.fedcred.core.oidc.TokenSet;
import dev.fedcred.testing.TestKeys;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.attribute.PosixFilePermissions;
import java.time.Instant;
import java.util.Date;
import java.util.Map;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class TokenCacheTest {
    private static final TestKeys KEYS = TestKeys.generate("cache-key");

    @TempDir
    Path home;

    private static TokenSet tokens(String issuer, Instant verifiedAt) {
        Instant exp = Instant.parse("2026-11-29T13:00:00Z");
        String raw = KEYS.sign(new JWTClaimsSet.Builder().issuer("https://idp.example.test").subject("user-1")
                .audience("cid").expirationTime(Date.from(exp)).issueTime(Date.from(exp.minusSeconds(3600))).build());
        return new TokenSet(issuer, raw, Map.of("alg", "RS256"), Map.of("sub", "user-1"), exp, verifiedAt,
                "refresh-token-for-tests-only");
    }

    @Test
    void keepsTokensBetweenInstancesInAPrivateFile() throws Exception {
        Path file = home.resolve("state/tokens.json");
        new TokenCache(file).save(tokens("work", Instant.parse("2026-11-29T12:00:00Z")));

        TokenSet loaded = new TokenCache(file).load("work").orElseThrow();
        assertThat(loaded.subject()).isEqualTo("user-1");
        assertThat(loaded.refreshToken()).isEqualTo("refresh-token-for-tests-only");
        assertThat(loaded.expiresAt()).isEqualTo(Instant.parse("2026-11-29T13:00:00Z"));
        assertThat(loaded.header()).containsEntry("kid", "cache-key");
        assertThat(PosixFilePermissions.toString(Files.getPosixFilePermissions(file))).isEqualTo("rw-------");
        assertThat(PosixFilePermissions.toString(Files.getPosixFilePermissions(file.getParent()))).isEqualTo("rwx------");
    }

    @Test
    void latestIsTheMostRecentSignInAndRemoveForgetsOneIssuer() {
        TokenCache cache = new TokenCache(home.resolve("tokens.json"));
        cache.save(tokens("a", Instant.parse("2026-11-29T12:00:00Z")));
        cache.save(tokens("b", Instant.parse("2026-11-29T12:05:00Z")));
        assertThat(cache.latest().orElseThrow().issuerName()).isEqualTo("b");
        assertThat(cache.remove("b")).isTrue();
        assertThat(cache.remove("b")).isFalse();
        assertThat(cache.latest().orElseThrow().issuerName()).isEqualTo("a");
    }

    @Test
    void anUnreadableCacheCountsAsSignedOut() throws Exception {
        Path file = home.resolve("tokens.json");
        Files.writeString(file, "{ not json");
        assertThat(new TokenCache(file).latest()).isEmpty();
    }

    @Test
    void toStringNeverShowsATokenOrRefreshToken() {
        TokenSet set = tokens("a", Instant.now());
        assertThat(set.toString()).doesNotContain(set.rawIdToken()).doesNotContain(set.refreshToken());
    }

    @Test
    void aTokenCacheOverTheLimitIsRefusedNamingItsSize() throws Exception {
        Path file = home.resolve("tokens.json");
        long size = dev.fedcred.core.files.FileSizeLimit.TOKEN_CACHE.maxBytes() + 1;
        try (java.io.RandomAccessFile big = new java.io.RandomAccessFile(file.toFile(), "rw")) {
            big.setLength(size);
        }

        org.assertj.core.api.Assertions.assertThatThrownBy(() -> new TokenCache(file).load("work"))
                .isInstanceOf(dev.fedcred.core.files.FileTooLargeException.class)
                .hasMessageContaining(file.toString()).hasMessageContaining(size + " bytes")
                .hasMessageContaining("the token cache");
    }
}
