package dev.fedcred.core.secrets;

import static org.assertj.core.api.Assertions.assertThat;

import org.junit.jupiter.api.Test;

class SecretCommandReasonTest {
    @Test
    void theToolsStderrIsQuotedEscaped() {
        SecretCommand.Result failed = new SecretCommand.Result(1, "", "Cannot\u001b]0;pwned\u0007 unlock\nsecond line");
        assertThat(failed.reason()).isEqualTo("Cannot\\u001B]0;pwned\\u0007 unlock");
    }
}
