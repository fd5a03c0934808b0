package dev.fedcred.ui;

import dev.fedcred.core.renewal.CredentialRenewer;
import dev.fedcred.core.renewal.RenewalOutcome;
import java.util.List;
import java.util.concurrent.atomic.AtomicBoolean;
import java.util.function.Consumer;
import javafx.animation.KeyFrame;
import javafx.animation.Timeline;
import javafx.util.Duration;

/**
 * Asks the renewer, every half minute, to renew whatever expires within five minutes. The
 * renewer decides from the wall clock, so after sleep or a clock jump the next check catches up;
 * the check itself runs off the FX thread, one at a time.
 */
final class AutoRenewal {
    static final Duration INTERVAL = Duration.seconds(30);

    private final CredentialRenewer renewer;
    private final BackgroundWork work;
    private final Consumer<List<RenewalOutcome>> onOutcomes;
    private final AtomicBoolean running = new AtomicBoolean();
    private final Timeline timeline;

    AutoRenewal(CredentialRenewer renewer, BackgroundWork work, Consumer<List<RenewalOutcome>> onOutcomes) {
        this.renewer = renewer;
        this.work = work;
        this.onOutcomes = onOutcomes;
        this.timeline = new Timeline(new KeyFrame(INTERVAL, event -> checkNow()));
        timeline.setCycleCount(Timeline.INDEFINITE);
    }

    void start() {
        timeline.play();
    }

    void stop() {
        timeline.stop();
    }

    /** One check now (also what the timer runs); skipped while the previous one still runs. */
    void checkNow() {
        if (!running.compareAndSet(false, true)) {
            return;
        }
        work.run(renewer::renewDue, outcomes -> {
            running.set(false);
            if (!outcomes.isEmpty()) {
                onOutcomes.accept(outcomes);
            }
        }, failure -> running.set(false));
    }
}
