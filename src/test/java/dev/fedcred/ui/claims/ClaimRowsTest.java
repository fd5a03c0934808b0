package dev.fedcred.ui.claims;

import static org.assertj.core.api.Assertions.assertThat;

import dev.fedcred.ui.fx.TimeText;
import java.time.Duration;
import java.time.ZoneOffset;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;

class ClaimRowsTest {
    @Test
    void timeClaimsReadAsLocalDateTimeWithTheirEpochSeconds() {
        assertThat(ClaimRows.claimValue("exp", 1795984867L, ZoneOffset.UTC)).isEqualTo("2026-11-29 20:41:07 (1795984867)");
        assertThat(ClaimRows.claimValue("auth_time", 0L, ZoneOffset.ofHours(2))).isEqualTo("1970-01-01 02:00:00 (0)");
        // the same number in an ordinary claim is just a number
        assertThat(ClaimRows.claimValue("age", 1795984867L, ZoneOffset.UTC)).isEqualTo("1795984867");
    }

    @Test
    void arraysAndObjectsReadAsOneLineOfJson() {
        assertThat(ClaimRows.claimValue("aud", List.of("a", "b"), ZoneOffset.UTC)).isEqualTo("[\"a\",\"b\"]");
        assertThat(ClaimRows.claimValue("address", Map.of("country", "NO"), ZoneOffset.UTC))
                .isEqualTo("{\"country\":\"NO\"}");
    }

    @Test
    void theIdentifyingClaimsComeFirstThenTheRestAlphabetically() {
        Map<String, Object> claims = new LinkedHashMap<>();
        claims.put("zeta", 1);
        claims.put("exp", 2L);
        claims.put("alpha", true);
        claims.put("sub", "user");
        claims.put("iss", "https://issuer");

        assertThat(ClaimRows.claims(claims, ZoneOffset.UTC)).extracting(ClaimRow::name)
                .containsExactly("iss", "sub", "exp", "alpha", "zeta");
    }

    @Test
    void theHeaderAlwaysShowsAlgKidAndTyp() {
        assertThat(ClaimRows.header(Map.of("alg", "RS256", "x5t", "abc")))
                .containsExactly(new ClaimRow("alg", "RS256"), new ClaimRow("kid", "—"), new ClaimRow("typ", "—"),
                        new ClaimRow("x5t", "abc"));
    }

    @Test
    void durationsReadAsHoursMinutesSeconds() {
        assertThat(TimeText.hoursMinutesSeconds(Duration.ofSeconds(3598))).isEqualTo("0:59:58");
        assertThat(TimeText.hoursMinutesSeconds(Duration.ofHours(26).plusSeconds(7))).isEqualTo("26:00:07");
        assertThat(TimeText.hoursMinutesSeconds(Duration.ofSeconds(-5))).isEqualTo("0:00:00");
    }

    @Test
    void hostileClaimNamesAndValuesShowEscaped() {
        Map<String, Object> claims = new LinkedHashMap<>();
        claims.put("email", "eve\u009b31m\u202E@example.com");
        claims.put("x\u001b[2J", List.of("\u2066a\u2069"));
        List<ClaimRow> rows = ClaimRows.claims(claims, ZoneOffset.UTC);
        assertThat(rows).containsExactly(new ClaimRow("email", "eve\\u009B31m\\u202E@example.com"),
                new ClaimRow("x\\u001B[2J", "[\"\\u2066a\\u2069\"]"));
        assertThat(ClaimRows.header(Map.of("kid", "k\u0085"))).contains(new ClaimRow("kid", "k\\u0085"));
    }
}
