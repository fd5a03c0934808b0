package dev.fedcred.ui.fx;

import java.time.Duration;
import java.time.Instant;
import javafx.application.Platform;
import javafx.scene.Scene;

/**
 * For the start-up benchmark: with {@code FEDCRED_BENCH_FIRST_FRAME=1} the app prints
 * {@code first-frame-ms: N}, the milliseconds from the process start to the end of the first pulse
 * that laid out and rendered the shown window, and exits.
 */
public final class FirstFrameProbe {
    static final String VARIABLE = "FEDCRED_BENCH_FIRST_FRAME";

    private FirstFrameProbe() {
    }

    public static boolean requested() {
        return "1".equals(System.getenv(VARIABLE));
    }

    /** Call right after the stage is shown. */
    public static void attach(Scene scene) {
        AfterFirstFrame.run(scene, () -> {
            System.out.println("first-frame-ms: " + sinceProcessStart().toMillis());
            System.out.flush();
            Platform.exit();
        });
    }

    private static Duration sinceProcessStart() {
        Instant start = ProcessHandle.current().info().startInstant().orElseThrow(() ->
                new IllegalStateException("The OS does not report this process's start time."));
        return Duration.between(start, Instant.now());
    }
}
