package dev.fedcred.ui.fx;

/**
 * What the desktop app does before and after its first frame, for whoever tunes its start-up: with
 * {@code -Dfedcred.startup.timeline=true} each step prints {@code startup-mark: NAME MS NANOS} on
 * stderr, MS since the process started and NANOS the raw {@link System#nanoTime()}, the clock of
 * the JVM log's {@code timenanos} decoration, so the marks line up with
 * {@code -Xlog:class+load:file=F:timenanos} (bench/first-frame-timeline does that).
 */
public final class StartupTimeline {
    static final String PROPERTY = "fedcred.startup.timeline";
    private static final boolean ON = Boolean.getBoolean(PROPERTY);

    private StartupTimeline() {
    }

    public static void mark(String step) {
        if (ON) {
            long nanos = System.nanoTime();
            System.err.println("startup-mark: " + step + " " + ProcessStart.elapsed().toMillis() + " " + nanos);
            System.err.flush();
        }
    }
}
