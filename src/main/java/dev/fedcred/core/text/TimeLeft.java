package dev.fedcred.core.text;

import java.time.Duration;
import java.time.Instant;

/** How long something lasts, as people read it on a countdown: H:MM:SS. */
public final class TimeLeft {
    private TimeLeft() {
    }

    /**
     * Every countdown in the window and the tray calls this once a second, so it builds the text
     * by hand: String.format parses its pattern on every call and keeps a formatter's worth of
     * code hot (and compiled) in a window that otherwise idles.
     */
    public static String of(Duration duration) {
        long seconds = Math.max(0, duration.toSeconds());
        StringBuilder text = new StringBuilder(12).append(seconds / 3600);
        TwoDigits.append(text.append(':'), (seconds % 3600) / 60);
        TwoDigits.append(text.append(':'), seconds % 60);
        return text.toString();
    }

    /** From {@code now} to {@code until}; zero once it has passed. */
    public static String between(Instant now, Instant until) {
        return of(Duration.between(now, until));
    }
}
