package dev.fedcred.core.renewal;

import static org.assertj.core.api.Assertions.assertThat;

import dev.fedcred.core.FedcredPaths;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.attribute.PosixFilePermissions;
import java.time.Clock;
import java.time.Instant;
import java.time.ZoneOffset;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** The renewer seat within one JVM (across processes: AgentProcessTest): one holder, a state file, a free seat after close. */
class RenewerSeatTest {
    private static final Instant NOW = Instant.parse("2026-12-02T00:00:00Z");

    @TempDir
    Path dir;

    @Test
    void oneSeatHoldsAndSaysSoTheOtherTakesOverWhenItLeaves() throws Exception {
        FedcredPaths paths = new FedcredPaths(dir.resolve("config"), dir.resolve("state"));
        Clock clock = Clock.fixed(NOW, ZoneOffset.UTC);
        try (RenewerSeat agent = RenewerSeat.in(paths, RenewerSeat.AGENT, clock);
             RenewerSeat app = RenewerSeat.in(paths, RenewerSeat.APP, clock)) {
            assertThat(RenewerSeat.holderOf(paths)).isEmpty();

            assertThat(agent.holdOrTake()).isTrue();
            assertThat(app.holdOrTake()).isFalse();
            RenewerState held = app.holder().orElseThrow();
            assertThat(held.role()).isEqualTo(RenewerSeat.AGENT);
            assertThat(held.isAgent()).isTrue();
            assertThat(held.pid()).isEqualTo(ProcessHandle.current().pid());
            assertThat(held.since()).isEqualTo(NOW);
            assertThat(RenewerSeat.holderOf(paths)).contains(held);
            Path state = RenewerSeat.stateFileIn(paths);
            assertThat(PosixFilePermissions.toString(Files.getPosixFilePermissions(state))).isEqualTo("rw-------");
            assertThat(Files.readString(state)).doesNotContain("token");

            agent.close();
            assertThat(RenewerSeat.holderOf(paths)).isEmpty();
            assertThat(RenewerSeat.lastKnown(state)).contains(held);
            assertThat(app.holdOrTake()).isTrue();
            assertThat(RenewerSeat.holderOf(paths).map(RenewerState::role)).contains(RenewerSeat.APP);
        }
    }

    @Test
    void aStateFileFedcredDidNotWriteReadsAsUnknown() throws Exception {
        Path state = Files.writeString(dir.resolve("renewer.json"), "{\"role\": 3}");
        assertThat(RenewerSeat.lastKnown(state)).isEmpty();
        assertThat(RenewerSeat.lastKnown(dir.resolve("absent.json"))).isEmpty();
    }
}
