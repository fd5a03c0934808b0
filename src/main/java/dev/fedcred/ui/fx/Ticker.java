package dev.fedcred.ui.fx;

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
public final class Ticker {
    // polling faster than once a second keeps the displayed seconds in step with the clock;
    // listeners still hear about each second only once
    private static final Duration POLL = Duration.millis(200);

    private final Clock clock;
    private final ReadOnlyObjectWrapper<Instant> now;
    private final Timeline timeline;

    public Ticker(Clock clock) {
        this.clock = clock;
        this.now = new ReadOnlyObjectWrapper<>(currentSecond());
        this.timeline = new Timeline(new KeyFrame(POLL, event -> publish()));
        timeline.setCycleCount(Animation.INDEFINITE);
    }

    public ReadOnlyObjectProperty<Instant> nowProperty() {
        return now.getReadOnlyProperty();
    }

    public Instant now() {
        return now.get();
    }

    public void start() {
        timeline.play();
    }

    public void stop() {
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
