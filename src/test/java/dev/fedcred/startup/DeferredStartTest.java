package dev.fedcred.startup;

import static org.assertj.core.api.Assertions.assertThat;

import dev.fedcred.testing.ChildJvm;
import java.nio.file.Path;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * The desktop app's first frame is its empty window: everything else (the window's content with
 * its stylesheet, icon font, claims table and target rows, the settings and state reads, the tray)
 * is put in after that frame, and does arrive. Seen from outside, in a fresh JVM (headless JavaFX)
 * with the app's start-up marks on the same clock as the JVM's class-loading log.
 */
class DeferredStartTest {
    private static final List<String> HEADLESS_JAVAFX = List.of("-Dglass.platform=Monocle",
            "-Dmonocle.platform=Headless", "-Dprism.order=sw", "-Dprism.text=t2k", "-Dfedcred.startup.timeline=true");
    /** What the first frame does not need; each, by its first class. */
    private static final String[] DEFERRED = {"dev.fedcred.ui.app.MainWindow", "atlantafx.", "org.kordamp.ikonli.",
            "javafx.scene.control.", "dev.fedcred.ui.claims.", "dev.fedcred.ui.targets.", "dev.fedcred.ui.issuers.IssuerList",
            "dev.fedcred.ui.state.", "com.fasterxml.jackson.databind.ObjectMapper", "dev.fedcred.ui.tray.DesktopTray"};
    /** What the filled-in window shows, once it is there. */
    private static final String[] FILLED_IN = {"dev.fedcred.ui.app.MainWindow", "atlantafx.base.theme.PrimerLight",
            "org.kordamp.ikonli.javafx.FontIcon", "javafx.scene.control.TableView", "dev.fedcred.ui.claims.ClaimsView",
            "dev.fedcred.ui.targets.TargetList", "dev.fedcred.ui.targets.TargetRow", "dev.fedcred.ui.issuers.IssuerList",
            "dev.fedcred.ui.state.DesktopState"};

    @TempDir
    Path home;
    @TempDir
    Path work;

    @Test
    void theFirstFrameLoadsNoneOfTheWindowsContentAndTheContentArrivesAfterIt() throws Exception {
        ChildJvm run = ChildJvm.runMain(work, Map.of("FEDCRED_HOME", home.resolve("fedcred").toString(),
                "HOME", home.toString(), "FEDCRED_SANDBOX_PORT", "1", "FEDCRED_BENCH_FIRST_FRAME", "1"), HEADLESS_JAVAFX);

        assertThat(run.exitCode()).as(run.err()).isZero();
        Map<String, Long> marks = marks(run.err());
        assertThat(marks.keySet()).as(run.err()).containsSubsequence("launching-javafx", "javafx-started",
                "empty-window-shown", "first-frame", "filled-in", "filled-in-frame");
        long firstFrame = marks.get("first-frame");
        List<String> beforeFirstFrame = run.loadedClassesTimed().stream().filter(loaded -> loaded.nanos() < firstFrame)
                .map(ChildJvm.LoadedClass::name).toList();
        List<String> afterFirstFrame = run.loadedClassesTimed().stream().filter(loaded -> loaded.nanos() >= firstFrame)
                .map(ChildJvm.LoadedClass::name).toList();
        assertThat(beforeFirstFrame).as("JavaFX drew the first frame").contains("javafx.stage.Stage", "javafx.scene.Scene",
                "dev.fedcred.ui.app.EmptyWindow");
        assertThat(beforeFirstFrame).filteredOn(name -> startsWithAny(name, DEFERRED)).isEmpty();
        assertThat(afterFirstFrame).contains(FILLED_IN);
        assertThat(frameMs(run.out(), "filled-in-frame-ms")).isGreaterThanOrEqualTo(frameMs(run.out(), "first-frame-ms"));
    }

    /** The app's start-up marks (StartupTimeline), by name, at their System.nanoTime(). */
    private static Map<String, Long> marks(String err) {
        Map<String, Long> marks = new LinkedHashMap<>();
        Matcher mark = Pattern.compile("(?m)^startup-mark: (\\S+) \\d+ (\\d+)$").matcher(err);
        while (mark.find()) {
            marks.put(mark.group(1), Long.parseLong(mark.group(2)));
        }
        return marks;
    }

    private static long frameMs(String out, String label) {
        Matcher printed = Pattern.compile("(?m)^" + label + ": (\\d+)$").matcher(out);
        assertThat(printed.find()).as(out).isTrue();
        return Long.parseLong(printed.group(1));
    }

    private static boolean startsWithAny(String name, String... prefixes) {
        return List.of(prefixes).stream().anyMatch(name::startsWith);
    }
}
