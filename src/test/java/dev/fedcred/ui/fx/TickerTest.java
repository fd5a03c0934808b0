package dev.fedcred.ui.fx;

import dev.fedcred.testing.MutableClock;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.time.temporal.ChronoUnit;
import java.util.List;
import java.util.concurrent.CopyOnWriteArrayList;
import java.util.concurrent.atomic.AtomicInteger;
import javafx.application.Platform;
import javafx.scene.Scene;
import javafx.scene.control.Label;
import javafx.scene.layout.StackPane;
import javafx.stage.Stage;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;
import org.testfx.api.FxToolkit;
import org.testfx.framework.junit5.ApplicationExtension;
import org.testfx.framework.junit5.Start;

import static dev.fedcred.ui.testing.WindowRobot.waitUntil;
import static org.assertj.core.api.Assertions.assertThat;

/**
 * The countdowns' "now": each whole second of the clock once, on the FX thread, soon after it
 * begins, and without keeping JavaFX's pulse running between seconds (issue #15: a Timeline did,
 * 60 pulses a second all day long).
 */
@ExtendWith(ApplicationExtension.class)
class TickerTest {
    private final AtomicInteger pulses = new AtomicInteger();
    private Label countdown;
    private Ticker ticker;

    @Start
    void start(Stage stage) {
        countdown = new Label("not yet");
        Scene scene = new Scene(new StackPane(countdown), 300, 100);
        scene.addPostLayoutPulseListener(pulses::incrementAndGet);
        stage.setScene(scene);
        stage.show();
    }

    @AfterEach
    void stopTicking() throws Exception {
        if (ticker != null) {
            ticker.stop();
        }
        FxToolkit.cleanupStages();
    }

    @Test
    void aRunningClockIsPublishedOncePerSecondOnTheFxThreadJustAfterTheSecondBegins() throws Exception {
        Clock clock = Clock.systemUTC();
        record Heard(Instant second, Instant at, boolean onFxThread) {
        }
        List<Heard> heard = new CopyOnWriteArrayList<>();
        ticker = new Ticker(clock);
        ticker.nowProperty().addListener((property, before, second) ->
                heard.add(new Heard(second, clock.instant(), Platform.isFxApplicationThread())));

        ticker.start();
        Thread.sleep(3_300);

        assertThat(heard).hasSizeBetween(3, 4);
        for (int i = 0; i < heard.size(); i++) {
            Heard each = heard.get(i);
            assertThat(each.onFxThread()).isTrue();
            assertThat(each.second()).isEqualTo(each.second().truncatedTo(ChronoUnit.SECONDS));
            // heard in the second it names, not late by a poll's interval
            assertThat(Duration.between(each.second(), each.at())).isBetween(Duration.ZERO, Duration.ofMillis(500));
            if (i > 0) {
                assertThat(each.second()).isEqualTo(heard.get(i - 1).second().plusSeconds(1));
            }
        }
    }

    @Test
    void aStoppedTestClockMovedOnIsShownWithinASecond() throws Exception {
        MutableClock clock = MutableClock.stoppedAt(Instant.parse("2026-12-02T09:00:00Z"));
        ticker = new Ticker(clock);
        assertThat(ticker.now()).isEqualTo(Instant.parse("2026-12-02T09:00:00Z"));
        ticker.start();

        long movedAt = System.nanoTime();
        clock.advance(Duration.ofMinutes(1).plusMillis(250));

        waitUntil(() -> Instant.parse("2026-12-02T09:01:00Z").equals(ticker.now()));
        assertThat(Duration.ofNanos(System.nanoTime() - movedAt)).isLessThan(Duration.ofMillis(1_500));
    }

    @Test
    void whatWaitsForTheNextSecondRunsOnTheFxThreadJustBeforeTheCountdownsMove() throws Exception {
        List<String> heard = new CopyOnWriteArrayList<>();
        ticker = new Ticker(Clock.systemUTC());
        ticker.nowProperty().addListener((property, before, second) -> heard.add("second"));
        ticker.start();
        waitUntil(() -> heard.contains("second"));

        // queued from a thread of its own, as LiveStatus's listener does
        Thread background = new Thread(() -> ticker.atNextSecond(
                () -> heard.add(Platform.isFxApplicationThread() ? "action on the FX thread" : "action elsewhere")));
        long queuedAt = System.nanoTime();
        background.start();
        waitUntil(() -> heard.stream().anyMatch(each -> each.startsWith("action")));
        long ranAfter = System.nanoTime() - queuedAt;
        waitUntil(() -> heard.lastIndexOf("second") > heard.indexOf("action on the FX thread"));

        int action = heard.indexOf("action on the FX thread");
        assertThat(action).isPositive();
        // the same tick: the second it waited for is published right after it, in one frame
        assertThat(heard.get(action + 1)).isEqualTo("second");
        assertThat(Duration.ofNanos(ranAfter)).isLessThan(Duration.ofMillis(1_500));
    }

    @Test
    void betweenSecondsJavaFxHasNoPulseToRun() throws Exception {
        // pulses with nothing of this test's running: others' animations, if a test left one, run
        // the pulse at 60 a second whatever the ticker does, and this test then proves nothing more
        int before = pulsesDuring(2_000);
        ticker = new Ticker(Clock.systemUTC());
        Platform.runLater(() -> countdown.textProperty().bind(ticker.nowProperty().asString()));
        ticker.start();

        int ticking = pulsesDuring(2_000);

        // two or three seconds begin in two seconds, each a pulse or two; a Timeline gave ~120
        assertThat(ticking).isLessThanOrEqualTo(before + 8);
    }

    private int pulsesDuring(long millis) throws InterruptedException {
        int start = pulses.get();
        Thread.sleep(millis);
        return pulses.get() - start;
    }
}
