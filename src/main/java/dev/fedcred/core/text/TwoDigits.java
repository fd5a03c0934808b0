package dev.fedcred.core.text;

/** Zero-padded two-digit fields (minutes, seconds, hours of the day) for text built once a second. */
public final class TwoDigits {
    private TwoDigits() {
    }

    /** Appends {@code value} (0 to 99) as two digits: 7 as "07". */
    public static StringBuilder append(StringBuilder text, long value) {
        if (value < 0 || value > 99) {
            throw new IllegalArgumentException("not a two-digit field: " + value);
        }
        return text.append((char) ('0' + value / 10)).append((char) ('0' + value % 10));
    }
}
