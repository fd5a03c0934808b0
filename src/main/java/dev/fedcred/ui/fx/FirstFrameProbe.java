package dev.fedcred.ui.fx;

import javafx.application.Platform;
import javafx.scene.Scene;

/**
 * For the start-up benchmark: with {@code FEDCRED_BENCH_FIRST_FRAME=1} the app prints
 * {@code first-frame-ms: N}, the milliseconds from the process start to the end of the first pulse
 * that laid out and rendered the shown window, then {@code filled-in-frame-ms: N} for the first
 * frame with the whole window's content (the app fills it in after its first frame), and exits.
 */
public final class FirstFrameProbe {
    static final String VARIABLE = "FEDCRED_BENCH_FIRST_FRAME";
    public static final String FIRST_FRAME = "first-frame-ms";
    public static final String FILLED_IN_FRAME = "filled-in-frame-ms";

    private FirstFrameProbe() {
    }

    public static boolean requested() {
        return "1".equals(System.getenv(VARIABLE));
    }

    /** A window whose first frame is all it shows: prints that frame's time and exits. Call right after the stage is shown. */
    public static void attach(Scene scene) {
        report(scene, FIRST_FRAME, true);
    }

    /** Prints the time of the shown window's first frame; call before any other work waits for that frame. */
    public static void attachFirst(Scene scene) {
        report(scene, FIRST_FRAME, false);
    }

    /** Prints the time of the next frame, which shows the content just put in, and exits. */
    public static void attachFilledIn(Scene scene) {
        report(scene, FILLED_IN_FRAME, true);
    }

    private static void report(Scene scene, String label, boolean exit) {
        AfterFirstFrame.run(scene, () -> {
            System.out.println(label + ": " + ProcessStart.elapsed().toMillis());
            System.out.flush();
            if (exit) {
                Platform.exit();
            }
        });
    }
}
