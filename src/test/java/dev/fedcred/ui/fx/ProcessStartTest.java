package dev.fedcred.ui.fx;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;
import static org.junit.jupiter.api.Assumptions.assumeTrue;

import java.lang.management.ManagementFactory;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import org.junit.jupiter.api.Test;

class ProcessStartTest {
    // field 22 (starttime) is 12345 ticks = 123.45 s after boot; the name holds spaces and a ')'
    private static final String STAT = "4242 (a) b c) S 1 4242 4242 0 -1 4194304 100 0 0 0 5 3 0 0 20 0 "
            + "30 0 12345 9000000 2000 18446744073709551615 1 1 0 0 0 0 0 0 0 0 0 0 17 1 0 0 0 0 0\n";

    @Test
    void countsFromTheStartTicksToTheUptime() {
        assertThat(ProcessStart.fromProc(STAT, "125.95 230.10\n")).isEqualTo(Duration.ofMillis(2500));
        assertThat(ProcessStart.fromProc(STAT, "123.45 230.10\n")).isEqualTo(Duration.ZERO);
    }

    @Test
    void refusesAStartAfterNow() {
        assertThatThrownBy(() -> ProcessStart.fromProc(STAT, "100.00 200.00\n"))
                .isInstanceOf(IllegalStateException.class);
    }

    @Test
    void agreesWithTheJvmsOwnStartToWithinItsLauncher() {
        // elsewhere than Linux it is ProcessHandle's figure, which this test does not judge
        assumeTrue(Files.isReadable(Path.of("/proc/uptime")), "no /proc/uptime: not Linux");
        long jvmUptime = ManagementFactory.getRuntimeMXBean().getUptime();
        long sinceStart = ProcessStart.elapsed().toMillis();
        // the process starts a little before the JVM it launches; ProcessHandle's boot time in whole
        // seconds put it up to a second off, either way
        assertThat(sinceStart).isBetween(jvmUptime - 30, jvmUptime + 300);
    }
}
