package dev.fedcred.ui.issuers;

import static org.assertj.core.api.Assertions.assertThat;

import dev.fedcred.core.oidc.TokenSet;
import java.time.Instant;
import java.util.Map;
import org.junit.jupiter.api.Test;

class SignInStatusTest {
    private static final Instant NOW = Instant.parse("2026-11-29T12:00:00Z");

    @Test
    void signedInShowsWhoAndTimeLeft() {
        TokenSet tokens = tokens(Map.of("sub", "u-1", "email", "alice@example.com"), NOW.plusSeconds(42 * 60 + 10));
        assertThat(SignInStatus.describe(tokens, NOW)).isEqualTo("Signed in as alice@example.com, 0:42:10 left");
    }

    @Test
    void withoutEmailTheSubjectNamesTheUser() {
        assertThat(SignInStatus.who(tokens(Map.of("sub", "u-1"), NOW))).isEqualTo("u-1");
    }

    @Test
    void pastExpiryReadsExpiredAndNoTokensReadNotSignedIn() {
        assertThat(SignInStatus.describe(tokens(Map.of("sub", "u-1"), NOW), NOW)).isEqualTo("Expired");
        assertThat(SignInStatus.describe(null, NOW)).isEqualTo("Not signed in");
    }

    private static TokenSet tokens(Map<String, Object> claims, Instant expiresAt) {
        return new TokenSet("test", "not-a-real-token", Map.of("alg", "RS256"), claims, expiresAt, NOW, null);
    }

    @Test
    void aHostileEmailShowsEscaped() {
        TokenSet tokens = tokens(Map.of("sub", "u-1", "email", "eve\u202Egpj.exe\u001b[2J@example.com"), NOW.plusSeconds(60));
        assertThat(SignInStatus.who(tokens)).isEqualTo("eve\\u202Egpj.exe\\u001B[2J@example.com");
    }
}
