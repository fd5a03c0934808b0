package dev.fedcred.core.text;

import static org.assertj.core.api.Assertions.assertThat;

import org.junit.jupiter.api.Test;

class OutsideTextTest {
    @Test
    void leavesOrdinaryTextAloneIncludingNonLatinLetters() {
        String text = "Jürgen Łukasz 山田 <a.b+c@example.com>\tok";
        assertThat(OutsideText.neutralise(text)).isSameAs(text);
    }

    @Test
    void escapesTerminalEscapeSequencesSoTheyDoNothing() {
        String clearAndRetitle = "mallory\u001b[2J\u001b]0;pwned\u0007@example.com";
        String safe = OutsideText.neutralise(clearAndRetitle);
        assertThat(safe).isEqualTo("mallory\\u001B[2J\\u001B]0;pwned\\u0007@example.com");
        assertThat(safe.chars()).noneMatch(c -> c < 0x20);
    }

    @Test
    void escapesC1ControlsDeleteAndLineBreaks() {
        assertThat(OutsideText.neutralise("a\u009b31mb\u007fc\r\nd")).isEqualTo("a\\u009B31mb\\u007Fc\\u000D\\u000Ad");
    }

    @Test
    void escapesBidiOverridesThatWouldReorderAWindow() {
        assertThat(OutsideText.neutralise("evil\u202Egpj.exe\u2066x\u2069")).isEqualTo("evil\\u202Egpj.exe\\u2066x\\u2069");
    }

    @Test
    void nullStaysNull() {
        assertThat(OutsideText.neutralise(null)).isNull();
        assertThat(OutsideText.shown(null)).isNull();
    }

    @Test
    void shownCutsLongTextAndMarksTheCut() {
        String shown = OutsideText.shown("x".repeat(5_000));
        assertThat(shown).hasSize(OutsideText.MAX_SHOWN_CHARS + 1).endsWith("…");
        assertThat(OutsideText.shown("short")).isEqualTo("short");
    }

    @Test
    void keepingLineBreaksLeavesLinesButEscapesEverythingElse() {
        String message = "line one\nline two\r\n\u001b[2J\u009b31m\u202Eevil\rover";
        assertThat(OutsideText.neutraliseKeepingLineBreaks(message))
                .isEqualTo("line one\nline two\r\n\\u001B[2J\\u009B31m\\u202Eevil\\u000Dover");
        String plain = "Signed in.\nNext line.";
        assertThat(OutsideText.neutraliseKeepingLineBreaks(plain)).isSameAs(plain);
        assertThat(OutsideText.neutraliseKeepingLineBreaks(null)).isNull();
    }
}
