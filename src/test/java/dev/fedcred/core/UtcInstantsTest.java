package dev.fedcred.core;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.time.Instant;
import java.time.format.DateTimeParseException;
import java.util.Random;
import org.junit.jupiter.api.Test;

/** Reads and writes exactly what Instant.parse and Instant.toString do. */
class UtcInstantsTest {
    private static final long YEAR_0 = Instant.parse("0000-01-01T00:00:00Z").getEpochSecond();
    private static final long YEAR_10000 = Instant.parse("+10000-01-01T00:00:00Z").getEpochSecond();

    @Test
    void writesAndReadsWhatInstantDoesForManyInstants() {
        Random random = new Random(15);
        int[] nanoSteps = {1_000_000_000, 1_000_000, 1_000, 1};
        for (int i = 0; i < 20_000; i++) {
            long second = YEAR_0 + Math.floorMod(random.nextLong(), YEAR_10000 - YEAR_0);
            int step = nanoSteps[i % nanoSteps.length];
            Instant instant = Instant.ofEpochSecond(second, step == 1_000_000_000 ? 0 : random.nextInt(1_000_000_000 / step) * step);

            assertThat(UtcInstants.format(instant)).isEqualTo(instant.toString());
            assertThat(UtcInstants.parse(instant.toString())).isEqualTo(instant);
        }
    }

    @Test
    void everyFractionLengthReadsAsInstantReadsIt() {
        for (String text : new String[] {"2026-12-02T06:21:45Z", "2026-12-02T06:21:45.1Z", "2026-12-02T06:21:45.12Z",
                "2026-12-02T06:21:45.123Z", "2026-12-02T06:21:45.1234Z", "2026-12-02T06:21:45.000000001Z",
                "2026-12-02T06:21:45.999999999Z", "2026-12-02T06:21:45.Z", "1970-01-01T00:00:00Z", "0000-01-01T00:00:00Z", "9999-12-31T23:59:59Z",
                "2024-02-29T12:00:00Z", "2026-12-02T24:00:00Z", "2026-12-02T23:59:60Z", "2026-12-02T06:21:45+01:00",
                "+10000-01-01T00:00:00Z", "-0001-01-01T00:00:00Z"}) {
            assertThat(UtcInstants.parse(text)).as(text).isEqualTo(Instant.parse(text));
        }
    }

    @Test
    void theYearsOutsideFourDigitsAreWrittenAsInstantWritesThem() {
        for (String text : new String[] {"+10000-01-01T00:00:00Z", "-0001-12-31T23:59:59.5Z", "+1000000000-12-31T23:59:59.999999999Z"}) {
            Instant instant = Instant.parse(text);
            assertThat(UtcInstants.format(instant)).isEqualTo(instant.toString());
        }
    }

    @Test
    void whatInstantRefusesIsRefusedWithItsMessage() {
        for (String text : new String[] {"2026-02-30T00:00:00Z", "2026-13-01T00:00:00Z",
                "2026-12-02T06:21:45.1234567890Z", "2026-12-02 06:21:45Z", "2026-12-02T06:21:45", "", "later"}) {
            assertThatThrownBy(() -> UtcInstants.parse(text)).as(text).isInstanceOf(DateTimeParseException.class)
                    .hasMessage(catchMessage(text));
        }
    }

    private static String catchMessage(String text) {
        try {
            Instant.parse(text);
            throw new AssertionError(text + " parsed");
        } catch (DateTimeParseException e) {
            return e.getMessage();
        }
    }
}
