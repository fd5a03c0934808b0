package dev.fedcred.core.text;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;

import org.junit.jupiter.api.Test;

class TwoDigitsTest {
    @Test
    void padsToTwoDigits() {
        assertEquals("00", TwoDigits.append(new StringBuilder(), 0).toString());
        assertEquals("at 07", TwoDigits.append(new StringBuilder("at "), 7).toString());
        assertEquals("59", TwoDigits.append(new StringBuilder(), 59).toString());
        assertEquals("99", TwoDigits.append(new StringBuilder(), 99).toString());
    }

    @Test
    void refusesWhatIsNotATwoDigitField() {
        assertThrows(IllegalArgumentException.class, () -> TwoDigits.append(new StringBuilder(), 100));
        assertThrows(IllegalArgumentException.class, () -> TwoDigits.append(new StringBuilder(), -1));
    }
}
