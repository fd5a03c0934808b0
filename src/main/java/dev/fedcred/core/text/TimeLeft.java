package dev.fedcred.core.text;

import java.time.Duration;
import java.time.Instant;

/** How long something lasts, as people read it on a countdown: H:MM:SS. */
public final class TimeLeft {
    private TimeLeft() {
    }

    public static String of(Duration duration) {
        long seconds = Math.max(0, duration.toSeconds());
        return String.format("%d:%02d:%02d", seconds / 3600, (seconds % 3600) / 60, seconds % 60);
    }

    /** From {@code now} to {@code until}; zero once it has passed. */
    public static String between(Instant now, Instant until) {
        return of(Duration.between(now, until));
    }
}
