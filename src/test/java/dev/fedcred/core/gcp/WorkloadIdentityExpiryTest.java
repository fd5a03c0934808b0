package dev.fedcred.core.gcp;

import static org.assertj.core.api.Assertions.assertThat;

import com.google.auth.oauth2.AccessToken;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.time.ZoneOffset;
import java.util.Date;
import org.junit.jupiter.api.Test;

/** The expiry of an exchanged access token, on fedcred's clock rather than the machine's. */
class WorkloadIdentityExpiryTest {
    private static final Instant NOW = Instant.parse("2030-01-02T03:04:05Z");
    private final WorkloadIdentityExchanger exchanger =
            new WorkloadIdentityExchanger(new GcpHttpTransports(), Clock.fixed(NOW, ZoneOffset.UTC));

    @Test
    void aReplyWithoutAnExpiryLastsAnHourFromTheInjectedClock() {
        assertThat(exchanger.expiresAt(new AccessToken("not-a-real-token", null))).isEqualTo(NOW.plus(Duration.ofHours(1)));
    }

    @Test
    void aReplyWithAnExpiryKeepsIt() {
        Instant expiry = Instant.parse("2030-01-02T03:30:00Z");
        assertThat(exchanger.expiresAt(new AccessToken("not-a-real-token", Date.from(expiry)))).isEqualTo(expiry);
    }
}
