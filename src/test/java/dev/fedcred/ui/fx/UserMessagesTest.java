package dev.fedcred.ui.fx;

import static org.assertj.core.api.Assertions.assertThat;

import dev.fedcred.core.FedcredException;
import org.junit.jupiter.api.Test;

class UserMessagesTest {
    @Test
    void aMessageReachesTheWindowWithItsLinesButNoControlCharacters() {
        String shown = UserMessages.of(new FedcredException("Refused: \u001b[2J\u202Eevil\rover.\nSign in again."));
        assertThat(shown).isEqualTo("Refused: \\u001B[2J\\u202Eevil\\u000Dover.\nSign in again.");
    }
}
