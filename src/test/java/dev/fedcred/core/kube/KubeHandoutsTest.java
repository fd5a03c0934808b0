package dev.fedcred.core.kube;

import static org.assertj.core.api.Assertions.assertThat;

import dev.fedcred.core.kube.KubeHandouts.Call;
import dev.fedcred.core.kube.KubeHandouts.Caller;
import dev.fedcred.testing.MutableClock;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.time.Instant;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** Only the same kubectl asking again, soon, for the very token it was given counts as a refusal. */
class KubeHandoutsTest {
    private static final Instant NOW = Instant.parse("2026-12-02T10:00:00Z");
    private static final KubeToken TOKEN = new KubeToken("t", NOW.plus(Duration.ofMinutes(14)), "EKS", "arn");
    private static final Caller KUBECTL = new Caller(4242, 1_000L);

    @TempDir
    Path dir;

    private final MutableClock clock = MutableClock.stoppedAt(NOW);

    private KubeHandouts handouts() {
        return KubeHandouts.beside(dir.resolve("kube-tokens.json"), clock);
    }

    @Test
    void theSameKubectlAskingAgainForItsTokenWasRefusedAndIsToldOnce() {
        assertThat(handouts().call("eks", KUBECTL, TOKEN)).isEqualTo(Call.FIRST);
        handouts().record("eks", KUBECTL, TOKEN, false);
        clock.advance(Duration.ofSeconds(1));
        assertThat(handouts().call("eks", KUBECTL, TOKEN)).isEqualTo(Call.REFUSED);
        handouts().record("eks", KUBECTL, TOKEN, true);
        assertThat(handouts().call("eks", KUBECTL, TOKEN)).isEqualTo(Call.REFUSED_AGAIN);
    }

    @Test
    void theRecordIsOwnerOnlyAndAnOversizedOneIsNotRead() throws Exception {
        handouts().record("eks", KUBECTL, TOKEN, false);
        Path record = dir.resolve("kube-handout");
        assertThat(java.nio.file.attribute.PosixFilePermissions.toString(Files.getPosixFilePermissions(record)))
                .isEqualTo("rw-------");
        clock.advance(Duration.ofSeconds(1));
        String line = Files.readString(record);
        Files.writeString(record, line + " ".repeat(5000));
        assertThat(handouts().call("eks", KUBECTL, TOKEN)).as("over 4 KiB").isEqualTo(Call.FIRST);
    }

    @Test
    void anotherKubectlTargetOrTokenOrALateCallIsAFirstCall() throws Exception {
        handouts().record("eks", KUBECTL, TOKEN, false);
        assertThat(handouts().call("eks", new Caller(4243, 1_000L), TOKEN)).as("another kubectl").isEqualTo(Call.FIRST);
        assertThat(handouts().call("eks", new Caller(4242, 2_000L), TOKEN)).as("the pid reused").isEqualTo(Call.FIRST);
        assertThat(handouts().call("gke", KUBECTL, TOKEN)).as("another target").isEqualTo(Call.FIRST);
        assertThat(handouts().call("eks", KUBECTL, new KubeToken("u", NOW.plus(Duration.ofMinutes(15)), "EKS", "arn")))
                .as("another token").isEqualTo(Call.FIRST);
        clock.advance(KubeHandouts.RERUN_WINDOW.plusSeconds(1));
        assertThat(handouts().call("eks", KUBECTL, TOKEN)).as("kubectl's copy ran out since").isEqualTo(Call.FIRST);

        Files.writeString(dir.resolve("kube-handout"), "eks\tnot a number\n");
        assertThat(handouts().call("eks", KUBECTL, TOKEN)).as("a torn line").isEqualTo(Call.FIRST);
    }
}
