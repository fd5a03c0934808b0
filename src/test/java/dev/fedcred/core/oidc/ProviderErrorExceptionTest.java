package dev.fedcred.core.oidc;

import static org.assertj.core.api.Assertions.assertThat;

import org.junit.jupiter.api.Test;

class ProviderErrorExceptionTest {
    @Test
    void quotesTheProvidersErrorAndDescriptionEscapedAndKeepsThemAsSent() {
        String description = "No\u001b[2J\u001b]0;pwned\u0007\u009b31m\r\nfedcred: Signed in";
        ProviderErrorException e = new ProviderErrorException("access_denied\u009b", description);
        assertThat(e.getMessage())
                .contains("access_denied\\u009B (No\\u001B[2J\\u001B]0;pwned\\u0007\\u009B31m\\u000D\\u000Afedcred: Signed in)");
        assertThat(e.getMessage().chars()).noneMatch(Character::isISOControl);
        assertThat(e.description()).isEqualTo(description);
    }

    @Test
    void cutsAnEndlessDescription() {
        ProviderErrorException e = new ProviderErrorException("invalid_request", "x".repeat(100_000));
        assertThat(e.getMessage()).hasSizeLessThan(1_000).contains("x…)");
    }
}
