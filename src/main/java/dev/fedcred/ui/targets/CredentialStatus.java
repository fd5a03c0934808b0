package dev.fedcred.ui.targets;

import dev.fedcred.core.text.TwoDigits;
import dev.fedcred.ui.fx.TimeText;
import java.time.Duration;
import java.time.Instant;
import java.time.LocalDate;
import java.time.ZoneId;
import java.time.ZonedDateTime;

/** The one-line state of a target's short-lived credentials, as its row shows it. */
public final class CredentialStatus {
    public static final String NONE = "No credentials yet";
    static final String EXPIRED = "Expired";
    /** The last minutes before the credentials expire show as a warning. */
    static final Duration ENDING_SOON = Duration.ofMinutes(5);

    public enum Level { NONE, VALID, ENDING_SOON, EXPIRED }

    public record Shown(String text, Level level) {
    }

    private CredentialStatus() {
    }

    /** @param expiration when the last credentials fedcred got expire; null when it has none */
    public static Shown describe(Instant expiration, Instant now, ZoneId zone) {
        if (expiration == null) {
            return new Shown(NONE, Level.NONE);
        }
        if (!now.isBefore(expiration)) {
            return new Shown(EXPIRED, Level.EXPIRED);
        }
        Duration left = Duration.between(now, expiration);
        String text = "Credentials valid for " + TimeText.hoursMinutesSeconds(left) + " (until "
                + until(expiration, now, zone) + ")";
        return new Shown(text, left.compareTo(ENDING_SOON) <= 0 ? Level.ENDING_SOON : Level.VALID);
    }

    /** "AWS credentials expire in 42 minutes": the status as a screen reader should say it. */
    static String spoken(String credentialsName, Instant expiration, Instant now) {
        if (expiration == null) {
            return "No " + credentialsName + " yet";
        }
        if (!now.isBefore(expiration)) {
            return credentialsName + " expired";
        }
        return credentialsName + " expire in " + TimeText.spoken(Duration.between(now, expiration));
    }

    /**
     * The time of day (HH:mm:ss), with the date (yyyy-MM-dd) when that is not today (sessions last
     * up to 12 hours). Built by hand: each row asks once a second, and a DateTimeFormatter keeps
     * a printer-parser chain's worth of code hot in an idle window.
     */
    private static String until(Instant expiration, Instant now, ZoneId zone) {
        ZonedDateTime at = expiration.atZone(zone);
        LocalDate day = at.toLocalDate();
        StringBuilder text = new StringBuilder(19);
        if (!day.equals(now.atZone(zone).toLocalDate())) {
            text.append(day).append(' ');
        }
        TwoDigits.append(text, at.getHour()).append(':');
        TwoDigits.append(text, at.getMinute()).append(':');
        return TwoDigits.append(text, at.getSecond()).toString();
    }
}
