package dev.fedcred.core.aws;

import static org.assertj.core.api.Assertions.assertThat;

import dev.fedcred.core.oidc.TokenSet;
import java.time.Instant;
import java.util.Map;
import org.junit.jupiter.api.Test;

class RoleSessionNamesTest {
    private static TokenSet withClaims(Map<String, Object> claims) {
        return new TokenSet("i", "raw", Map.of(), claims, Instant.now(), Instant.now(), null);
    }

    @Test
    void usesTheEmailWhenPresent() {
        assertThat(RoleSessionNames.fromClaims(withClaims(Map.of("email", "jane.doe+ops@example.com", "sub", "1"))))
                .isEqualTo("jane.doe+ops@example.com");
    }

    @Test
    void fallsBackToTheSubject() {
        assertThat(RoleSessionNames.fromClaims(withClaims(Map.of("sub", "110169484474386276334"))))
                .isEqualTo("110169484474386276334");
    }

    @Test
    void replacesCharactersStsRefusesAndKeepsTheLengthInBounds() {
        assertThat(RoleSessionNames.clean("user name/with:odd|chars")).isEqualTo("user-name-with-odd-chars");
        assertThat(RoleSessionNames.clean("x".repeat(100))).hasSize(64);
        assertThat(RoleSessionNames.clean("x")).isEqualTo("fedcred-x");
        assertThat(RoleSessionNames.clean("jürgen")).isEqualTo("j-rgen").matches("[\\w+=,.@-]{2,64}");
    }
}
