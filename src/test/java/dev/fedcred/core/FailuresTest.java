package dev.fedcred.core;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.IOException;
import org.junit.jupiter.api.Test;

class FailuresTest {
    @Test
    void theRootCauseQuotesItsMessageEscapedAndCut() {
        Exception failure = new RuntimeException("outer", new IOException("server said \u001b[2J" + "x".repeat(10_000)));
        String root = Failures.rootCause(failure);
        assertThat(root).startsWith("IOException: server said \\u001B[2J").hasSizeLessThan(600);
    }
}
