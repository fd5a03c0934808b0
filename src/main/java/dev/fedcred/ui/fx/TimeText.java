package dev.fedcred.ui.fx;

import dev.fedcred.core.text.TimeLeft;
import java.time.Duration;
import java.time.Instant;
import java.time.ZoneId;
import java.time.format.DateTimeFormatter;

/** How times read in the window: durations as h:mm:ss, instants in the user's local time. */
public final class TimeText {
    private static final DateTimeFormatter LOCAL = DateTimeFormatter.ofPattern("yyyy-MM-dd HH:mm:ss");

    private TimeText() {
    }

    public static String hoursMinutesSeconds(Duration duration) {
        return TimeLeft.of(duration);
    }

    /** "1 hour 5 minutes", "42 minutes", "less than a minute": for screen readers, which a ticking h:mm:ss does not suit. */
    public static String spoken(Duration duration) {
        long minutes = Math.max(0, duration.toMinutes());
        if (minutes == 0) {
            return "less than a minute";
        }
        long hours = minutes / 60;
        String hourPart = hours == 0 ? "" : hours + (hours == 1 ? " hour" : " hours");
        long rest = minutes % 60;
        String minutePart = rest == 0 ? "" : rest + (rest == 1 ? " minute" : " minutes");
        return (hourPart + " " + minutePart).strip();
    }

    public static String local(Instant instant, ZoneId zone) {
        return LOCAL.format(instant.atZone(zone));
    }

    /** "2026-11-29 20:41:07 (1795984867)": readable, and still the exact value the token carries. */
    public static String epochSeconds(long epochSeconds, ZoneId zone) {
        return local(Instant.ofEpochSecond(epochSeconds), zone) + " (" + epochSeconds + ")";
    }
}
