package dev.fedcred.startup;

import static org.assertj.core.api.Assertions.assertThat;

import dev.fedcred.testing.ChildJvm;
import java.nio.file.Path;
import java.util.List;
import java.util.Map;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * The desktop app in a fresh JVM (headless JavaFX) with {@code FEDCRED_BENCH_FIRST_FRAME=1}:
 * it reports the time to its first frame and exits, and nothing before that frame has loaded
 * the AWS SDK, Google's libraries or ControlsFX (which the dialogs load when they
 * first show).
 */
class FirstFrameTest {
    private static final List<String> HEADLESS_JAVAFX = List.of("-Dglass.platform=Monocle",
            "-Dmonocle.platform=Headless", "-Dprism.order=sw", "-Dprism.text=t2k");

    @TempDir
    Path home;
    @TempDir
    Path work;

    @Test
    void theAppPrintsTheTimeToItsFirstFrameAndExitsHavingLoadedNoCloudSdk() throws Exception {
        ChildJvm run = ChildJvm.runMain(work, Map.of("FEDCRED_HOME", home.resolve("fedcred").toString(),
                "HOME", home.toString(), "FEDCRED_SANDBOX_PORT", "1", "FEDCRED_BENCH_FIRST_FRAME", "1"), HEADLESS_JAVAFX);

        assertThat(run.exitCode()).as(run.err()).isZero();
        Matcher printed = Pattern.compile("(?m)^first-frame-ms: (\\d+)$").matcher(run.out());
        assertThat(printed.find()).as(run.out()).isTrue();
        assertThat(Long.parseLong(printed.group(1))).isPositive().isLessThan(60_000);
        assertThat(run.loadedClasses()).contains("dev.fedcred.ui.app.MainWindow", "dev.fedcred.ui.fx.FirstFrameProbe");
        assertThat(run.loadedFrom("software.amazon.awssdk.", "com.google.auth.", "com.google.api.client.",
                "org.bouncycastle.", "org.controlsfx.", "impl.org.controlsfx.")).isEmpty();
    }
}
