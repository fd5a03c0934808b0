package dev.fedcred.core.text;

import static org.junit.jupiter.api.Assertions.assertEquals;

import java.time.Duration;
import java.time.Instant;
import org.junit.jupiter.api.Test;

class TimeLeftTest {
    @Test
    void readsAsHoursMinutesSeconds() {
        assertEquals("0:00:00", TimeLeft.of(Duration.ZERO));
        assertEquals("0:00:59", TimeLeft.of(Duration.ofSeconds(59)));
        assertEquals("0:59:59", TimeLeft.of(Duration.ofSeconds(3599)));
        assertEquals("1:00:00", TimeLeft.of(Duration.ofHours(1)));
        assertEquals("12:05:09", TimeLeft.of(Duration.ofHours(12).plusMinutes(5).plusSeconds(9)));
        assertEquals("100:00:00", TimeLeft.of(Duration.ofHours(100)));
    }

    @Test
    void dropsPartsOfASecondAndNeverGoesBelowZero() {
        assertEquals("0:00:01", TimeLeft.of(Duration.ofMillis(1999)));
        assertEquals("0:00:00", TimeLeft.of(Duration.ofSeconds(-30)));
        assertEquals("0:00:00", TimeLeft.between(Instant.EPOCH.plusSeconds(10), Instant.EPOCH));
        assertEquals("0:01:30", TimeLeft.between(Instant.EPOCH, Instant.EPOCH.plusSeconds(90)));
    }

    @Test
    void readsAsTheFormatPatternItReplaced() {
        for (long seconds = 0; seconds < 200_000; seconds += 7) {
            assertEquals(String.format("%d:%02d:%02d", seconds / 3600, (seconds % 3600) / 60, seconds % 60),
                    TimeLeft.of(Duration.ofSeconds(seconds)), "seconds " + seconds);
        }
    }
}
