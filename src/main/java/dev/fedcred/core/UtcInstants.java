package dev.fedcred.core;

import java.time.Duration;
import java.time.Instant;

/**
 * {@link Instant#parse} and {@link Instant#toString} without {@code java.time.format}: the first
 * use of {@code DateTimeFormatter} in a process builds its ~15 standard formatters and links their
 * lambdas, some 8 ms of the cached {@code credential-process} (docs/performance.md). The calendar
 * is reckoned here too, not by {@code LocalDateTime}, whose first use loads and sets up a dozen
 * more {@code java.time} classes on that path. Timestamps of
 * the form {@code Instant.toString} writes for the years 0000 to 9999 are read and written here;
 * anything else goes to {@code Instant} itself, so both give exactly what {@code Instant} gives.
 */
public final class UtcInstants {
    private static final int LONGEST_FRACTION = 9;
    private static final long SECONDS_PER_DAY = 86_400;
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
        int year = number(value, 0, 4);
        int month = number(value, 5, 7);
        int day = number(value, 8, 10);
        int hour = number(value, 11, 13);
        int minute = number(value, 14, 16);
        int second = number(value, 17, 19);
        if (month < 1 || month > 12 || day < 1 || day > daysIn(year, month) || hour > 23 || minute > 59 || second > 59) {
            // 24:00, a leap second or a day a month does not have: Instant's own reading and message
            return Instant.parse(value);
        }
        return Instant.ofEpochSecond(epochDay(year, month, day) * SECONDS_PER_DAY + hour * 3600L + minute * 60L + second, nanos);
    }

    /**
     * Whether more than {@code margin} is left from {@code now} to {@code expiry}: as
     * {@code now.plus(margin).isBefore(expiry)}, which sets up {@code ChronoUnit} and its fields on
     * the cached {@code credential-process} path.
     */
    public static boolean moreThanLeft(Duration margin, Instant now, Instant expiry) {
        return now.plusSeconds(margin.getSeconds()).plusNanos(margin.getNano()).isBefore(expiry);
    }

    /** As {@link Instant#toString}: seconds always, a fraction in groups of three digits when there is one. */
    public static String format(Instant instant) {
        if (instant.getEpochSecond() < FIRST_SECOND || instant.getEpochSecond() >= END_SECOND) {
            return instant.toString();
        }
        long days = Math.floorDiv(instant.getEpochSecond(), SECONDS_PER_DAY);
        int secondOfDay = (int) Math.floorMod(instant.getEpochSecond(), SECONDS_PER_DAY);
        StringBuilder text = new StringBuilder(30);
        appendDate(text, days).append('T');
        digits(text, secondOfDay / 3600, 2).append(':');
        digits(text, secondOfDay / 60 % 60, 2).append(':');
        digits(text, secondOfDay % 60, 2);
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

    /** Days since 1970-01-01 of a proleptic Gregorian date, as {@code LocalDate.toEpochDay} (H. Hinnant's days_from_civil). */
    private static long epochDay(int year, int month, int day) {
        int y = month <= 2 ? year - 1 : year;
        long era = Math.floorDiv(y, 400);
        long yearOfEra = y - era * 400;
        long dayOfYear = (153L * (month > 2 ? month - 3 : month + 9) + 2) / 5 + day - 1;
        long dayOfEra = yearOfEra * 365 + yearOfEra / 4 - yearOfEra / 100 + dayOfYear;
        return era * 146_097 + dayOfEra - 719_468;
    }

    /** {@code yyyy-mm-dd} of a day since 1970-01-01, the inverse of {@link #epochDay} (civil_from_days). */
    private static StringBuilder appendDate(StringBuilder text, long epochDay) {
        long shifted = epochDay + 719_468;
        long era = Math.floorDiv(shifted, 146_097);
        long dayOfEra = shifted - era * 146_097;
        long yearOfEra = (dayOfEra - dayOfEra / 1460 + dayOfEra / 36_524 - dayOfEra / 146_096) / 365;
        long dayOfYear = dayOfEra - (365 * yearOfEra + yearOfEra / 4 - yearOfEra / 100);
        long shiftedMonth = (5 * dayOfYear + 2) / 153;
        int day = (int) (dayOfYear - (153 * shiftedMonth + 2) / 5 + 1);
        int month = (int) (shiftedMonth < 10 ? shiftedMonth + 3 : shiftedMonth - 9);
        int year = (int) (yearOfEra + era * 400 + (month <= 2 ? 1 : 0));
        digits(text, year, 4).append('-');
        digits(text, month, 2).append('-');
        return digits(text, day, 2);
    }

    private static int daysIn(int year, int month) {
        if (month == 2) {
            return year % 4 == 0 && (year % 100 != 0 || year % 400 == 0) ? 29 : 28;
        }
        return month == 4 || month == 6 || month == 9 || month == 11 ? 30 : 31;
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
