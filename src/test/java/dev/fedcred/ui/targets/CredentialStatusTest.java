package dev.fedcred.ui.targets;

import static org.assertj.core.api.Assertions.assertThat;

import dev.fedcred.ui.targets.CredentialStatus.Level;
import java.time.Instant;
import java.time.ZoneId;
import java.time.ZoneOffset;
import org.junit.jupiter.api.Test;

class CredentialStatusTest {
    private static final ZoneId UTC = ZoneOffset.UTC;
    private static final Instant NOW = Instant.parse("2026-11-29T20:31:55Z");

    @Test
    void noCredentialsYet() {
        assertThat(CredentialStatus.describe(null, NOW, UTC))
                .isEqualTo(new CredentialStatus.Shown("No credentials yet", Level.NONE));
    }

    @Test
    void validCredentialsCountDownToALocalTimeOfDay() {
        assertThat(CredentialStatus.describe(Instant.parse("2026-11-29T21:14:05Z"), NOW, UTC))
                .isEqualTo(new CredentialStatus.Shown("Credentials valid for 0:42:10 (until 21:14:05)", Level.VALID));
        assertThat(CredentialStatus.describe(Instant.parse("2026-11-29T21:14:05Z"), NOW, ZoneId.of("Europe/Berlin")).text())
                .endsWith("(until 22:14:05)");
    }

    @Test
    void theLastFiveMinutesAreAWarningAndThenTheyAreExpired() {
        assertThat(CredentialStatus.describe(NOW.plusSeconds(301), NOW, UTC).level()).isEqualTo(Level.VALID);
        assertThat(CredentialStatus.describe(NOW.plusSeconds(300), NOW, UTC))
                .isEqualTo(new CredentialStatus.Shown("Credentials valid for 0:05:00 (until 20:36:55)", Level.ENDING_SOON));
        assertThat(CredentialStatus.describe(NOW, NOW, UTC)).isEqualTo(new CredentialStatus.Shown("Expired", Level.EXPIRED));
        assertThat(CredentialStatus.describe(NOW.minusSeconds(1), NOW, UTC).level()).isEqualTo(Level.EXPIRED);
    }

    @Test
    void anExpiryOnAnotherDayShowsTheDate() {
        assertThat(CredentialStatus.describe(Instant.parse("2026-11-30T08:31:55Z"), NOW, UTC).text())
                .isEqualTo("Credentials valid for 12:00:00 (until 2026-11-30 08:31:55)");
        // the same day in UTC is already the next one in Berlin
        assertThat(CredentialStatus.describe(Instant.parse("2026-11-29T23:05:00Z"), NOW, ZoneId.of("Europe/Berlin")).text())
                .isEqualTo("Credentials valid for 2:33:05 (until 2026-11-30 00:05:00)");
        assertThat(CredentialStatus.describe(Instant.parse("2026-11-29T23:05:00Z"), NOW, UTC).text())
                .isEqualTo("Credentials valid for 2:33:05 (until 23:05:00)");
    }

    @Test
    void aScreenReaderHearsWordsNotTickingSeconds() {
        assertThat(CredentialStatus.spoken("AWS credentials", NOW.plusSeconds(42 * 60 + 10), NOW))
                .isEqualTo("AWS credentials expire in 42 minutes");
        assertThat(CredentialStatus.spoken("AWS credentials", NOW.plusSeconds(3600 + 5 * 60), NOW))
                .isEqualTo("AWS credentials expire in 1 hour 5 minutes");
        assertThat(CredentialStatus.spoken("Google Cloud credentials", NOW.plusSeconds(2 * 3600), NOW))
                .isEqualTo("Google Cloud credentials expire in 2 hours");
        assertThat(CredentialStatus.spoken("AWS credentials", NOW.plusSeconds(61), NOW))
                .isEqualTo("AWS credentials expire in 1 minute");
        assertThat(CredentialStatus.spoken("AWS credentials", NOW.plusSeconds(30), NOW))
                .isEqualTo("AWS credentials expire in less than a minute");
        assertThat(CredentialStatus.spoken("AWS credentials", NOW, NOW)).isEqualTo("AWS credentials expired");
        assertThat(CredentialStatus.spoken("AWS credentials", null, NOW)).isEqualTo("No AWS credentials yet");
    }
}
