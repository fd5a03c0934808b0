package dev.fedcred.core;

import java.time.DateTimeException;
import java.time.Instant;
import java.time.LocalDateTime;
import java.time.ZoneOffset;

/**
 * {@link Instant#parse} and {@link Instant#toString} without {@code java.time.format}: the first
 * use of {@code DateTimeFormatter} in a process builds its ~15 standard formatters and links their
 * lambdas, some 8 ms of the cached {@code credential-process} (docs/performance.md). Timestamps of
 * the form {@code Instant.toString} writes for the years 0000 to 9999 are read and written here;
 * anything else goes to {@code Instant} itself, so both give exactly what {@code Instant} gives.
 */
public final class UtcInstants {
    private static final int LONGEST_FRACTION = 9;
    /** 0000-01-01T00:00:00Z and 10000-01-01T00:00:00Z: the years written here with four digits. */
    private static final long FIRST_SECOND = -62_167_219_200L;
    private static final long END_SECOND = 253_402_300_800L;

    private UtcInstants() {
    }

    /** As {@link Instant#parse}: {@code 2026-12-02T06:21:45Z}, with up to nine fraction digits. */
    public static Instant parse(CharSequence text) {
        String value = text.toString();
        int length = value.length();
        if (length < 20 || length == 21 || length > 30 || !shape(value)) {
            return Instant.parse(value);
        }
        int nanos = 0;
        if (length > 20) {
            int digits = length - 21;
            nanos = number(value, 20, length - 1);
            for (int i = digits; i < LONGEST_FRACTION; i++) {
                nanos *= 10;
            }
        }
        try {
            return LocalDateTime.of(number(value, 0, 4), number(value, 5, 7), number(value, 8, 10),
                    number(value, 11, 13), number(value, 14, 16), number(value, 17, 19), nanos)
                    .toInstant(ZoneOffset.UTC);
        } catch (DateTimeException e) {
            // 24:00, a leap second or a day a month does not have: Instant's own reading and message
            return Instant.parse(value);
        }
    }

    /** As {@link Instant#toString}: seconds always, a fraction in groups of three digits when there is one. */
    public static String format(Instant instant) {
        if (instant.getEpochSecond() < FIRST_SECOND || instant.getEpochSecond() >= END_SECOND) {
            return instant.toString();
        }
        LocalDateTime time = LocalDateTime.ofEpochSecond(instant.getEpochSecond(), 0, ZoneOffset.UTC);
        StringBuilder text = new StringBuilder(30);
        digits(text, time.getYear(), 4).append('-');
        digits(text, time.getMonthValue(), 2).append('-');
        digits(text, time.getDayOfMonth(), 2).append('T');
        digits(text, time.getHour(), 2).append(':');
        digits(text, time.getMinute(), 2).append(':');
        digits(text, time.getSecond(), 2);
        int nanos = instant.getNano();
        if (nanos > 0) {
            text.append('.');
            if (nanos % 1_000_000 == 0) {
                digits(text, nanos / 1_000_000, 3);
            } else if (nanos % 1_000 == 0) {
                digits(text, nanos / 1_000, 6);
            } else {
                digits(text, nanos, LONGEST_FRACTION);
            }
        }
        return text.append('Z').toString();
    }

    /** {@code dddd-dd-ddTdd:dd:dd} then {@code Z} or a dot, one to nine digits and {@code Z}. */
    private static boolean shape(String value) {
        for (int i = 0; i < 19; i++) {
            char c = value.charAt(i);
            boolean ok = switch (i) {
                case 4, 7 -> c == '-';
                case 10 -> c == 'T';
                case 13, 16 -> c == ':';
                default -> isDigit(c);
            };
            if (!ok) {
                return false;
            }
        }
        int last = value.length() - 1;
        if (value.charAt(last) != 'Z') {
            return false;
        }
        if (last == 19) {
            return true;
        }
        if (value.charAt(19) != '.') {
            return false;
        }
        for (int i = 20; i < last; i++) {
            if (!isDigit(value.charAt(i))) {
                return false;
            }
        }
        return true;
    }

    private static boolean isDigit(char c) {
        return c >= '0' && c <= '9';
    }

    private static int number(String value, int from, int to) {
        int number = 0;
        for (int i = from; i < to; i++) {
            number = number * 10 + (value.charAt(i) - '0');
        }
        return number;
    }

    private static StringBuilder digits(StringBuilder text, int value, int width) {
        String digits = Integer.toString(value);
        for (int i = digits.length(); i < width; i++) {
            text.append('0');
        }
        return text.append(digits);
    }
}
