package dev.fedcred.cli;

import static org.assertj.core.api.Assertions.assertThat;

import dev.fedcred.core.oidc.IssuerConfig;
import dev.fedcred.core.oidc.IssuerKind;
import dev.fedcred.core.oidc.TokenSet;
import java.io.PrintWriter;
import java.io.StringWriter;
import java.net.URI;
import java.time.Instant;
import java.util.Map;
import org.junit.jupiter.api.Test;

class SafeWriterTest {
    @Test
    void escapesControlCharactersInEverythingPrintedAndKeepsLines() {
        StringWriter terminal = new StringWriter();
        PrintWriter out = SafeWriter.of(new PrintWriter(terminal));
        out.println("a\u001b[2Jb\u009b31m");
        out.printf("%s %s%n", "c\u202E", "d\r");
        out.print('\u0007');
        out.flush();
        String nl = System.lineSeparator();
        assertThat(terminal).hasToString("a\\u001B[2Jb\\u009B31m" + nl + "c\\u202E d\\u000D" + nl + "\\u0007");
    }

    @Test
    void theSignedInLineShowsAHostileEmailEscaped() {
        Instant now = Instant.parse("2026-11-29T12:00:00Z");
        TokenSet tokens = new TokenSet("work", "not-a-real-token", Map.of("alg", "RS256"),
                Map.of("sub", "u-1", "email", "eve\u001b]0;pwned\u0007@example.com"), now.plusSeconds(60), now, null);
        IssuerConfig issuer = new IssuerConfig("work", IssuerKind.GENERIC, URI.create("https://issuer.example.test"),
                "client", null, null, null);
        assertThat(TokenSummary.signedIn(issuer, tokens, now))
                .startsWith("Signed in to work as eve\\u001B]0;pwned\\u0007@example.com;");
    }
}
