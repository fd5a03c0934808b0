package dev.fedcred.ui.fx;

import dev.fedcred.core.files.BoundedFiles;
import dev.fedcred.core.files.FileSizeLimit;
import java.io.IOException;
import java.nio.file.Path;
import java.time.Duration;
import java.time.Instant;

/**
 * How long ago this process started, for the start-up benchmarks. {@link ProcessHandle.Info#startInstant()}
 * adds the process's start (in clock ticks since boot) to the boot time that {@code /proc/stat}
 * gives in whole seconds, so on Linux its figure is off by the boot time's lost fraction, the same
 * for every process until the next boot: up to a second (0.63 s on one bench machine, which made a
 * 0.6-s window read 1.2 s). Here the start comes from {@code /proc/uptime} (hundredths of a second)
 * less the start ticks instead, good to ~10 ms; elsewhere ProcessHandle's figure.
 */
final class ProcessStart {
    /** USER_HZ: what /proc counts clock ticks in, fixed at 100 by Linux's user-space ABI */
    private static final double TICKS_PER_SECOND = 100;
    private static final Path STAT = Path.of("/proc/self/stat");
    private static final Path UPTIME = Path.of("/proc/uptime");

    private ProcessStart() {
    }

    static Duration elapsed() {
        try {
            return fromProc(read(STAT), read(UPTIME));
        } catch (IOException | RuntimeException noProc) {
            // not Linux, or /proc unreadable: the coarser figure below
        }
        Instant start = ProcessHandle.current().info().startInstant().orElseThrow(() ->
                new IllegalStateException("The OS does not report this process's start time."));
        return Duration.between(start, Instant.now());
    }

    /** @param stat {@code /proc/self/stat}; @param uptime {@code /proc/uptime} */
    static Duration fromProc(String stat, String uptime) {
        // the command name (field 2) is in parentheses and may hold spaces and ')': fields count from the last ')'
        String[] afterName = stat.substring(stat.lastIndexOf(')') + 2).trim().split(" ");
        long startTicks = Long.parseLong(afterName[19]); // field 22, starttime; afterName[0] is field 3
        double upSeconds = Double.parseDouble(uptime.trim().split(" ")[0]);
        double sinceStart = upSeconds - startTicks / TICKS_PER_SECOND;
        if (sinceStart < 0) {
            throw new IllegalStateException("started after now: " + sinceStart + " s");
        }
        return Duration.ofNanos(Math.round(sinceStart * 1e9));
    }

    private static String read(Path file) throws IOException {
        return BoundedFiles.readString(file, FileSizeLimit.PROC_LINE);
    }
}
