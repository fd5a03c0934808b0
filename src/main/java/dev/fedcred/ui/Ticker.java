package dev.fedcred.ui;

import java.time.Clock;
import java.time.Instant;
import java.time.temporal.ChronoUnit;
import javafx.animation.Animation;
import javafx.animation.KeyFrame;
import javafx.animation.Timeline;
import javafx.beans.property.ReadOnlyObjectProperty;
import javafx.beans.property.ReadOnlyObjectWrapper;
import javafx.util.Duration;

/**
 * "Now" for everything in the window that counts down, read from the context's clock (never
 * System time, so a test can control it) and published once per whole second.
 */
final class Ticker {
    // polling faster than once a second keeps the displayed seconds in step with the clock;
    // listeners still hear about each second only once
    private static final Duration POLL = Duration.millis(200);

    private final Clock clock;
    private final ReadOnlyObjectWrapper<Instant> now;
    private final Timeline timeline;

    Ticker(Clock clock) {
        this.clock = clock;
        this.now = new ReadOnlyObjectWrapper<>(currentSecond());
        this.timeline = new Timeline(new KeyFrame(POLL, event -> publish()));
        timeline.setCycleCount(Animation.INDEFINITE);
    }

    ReadOnlyObjectProperty<Instant> nowProperty() {
        return now.getReadOnlyProperty();
    }

    Instant now() {
        return now.get();
    }

    void start() {
        timeline.play();
    }

    void stop() {
        timeline.stop();
    }

    private void publish() {
        Instant second = currentSecond();
        if (!second.equals(now.get())) {
            now.set(second);
        }
    }

    private Instant currentSecond() {
        return clock.instant().truncatedTo(ChronoUnit.SECONDS);
    }
}
