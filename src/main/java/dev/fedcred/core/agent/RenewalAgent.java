package dev.fedcred.core.agent;

import dev.fedcred.core.renewal.CredentialRenewer;
import dev.fedcred.core.renewal.RenewalOutcome;
import dev.fedcred.core.renewal.RenewerSeat;
import dev.fedcred.core.renewal.RenewerState;
import dev.fedcred.core.text.OutsideText;
import java.time.Duration;
import java.util.List;
import java.util.Optional;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.TimeUnit;
import java.util.function.Supplier;

/**
 * The background agent: renews what is due every check, as the desktop app does, while it holds
 * the {@link RenewerSeat}; while another process (the app) holds it, each check only tries to take
 * it. Runs on the caller's thread until {@link #stop()}; then it leaves the seat, so an app that is
 * running takes over at its next check.
 */
public final class RenewalAgent {
    private final RenewerSeat seat;
    private final Supplier<CredentialRenewer> renewer;
    private final AgentLog log;
    private final Duration every;
    private final CountDownLatch stopRequested = new CountDownLatch(1);
    private final CountDownLatch stopped = new CountDownLatch(1);
    private boolean holding;
    private Optional<Long> idleFor = Optional.empty();

    public RenewalAgent(RenewerSeat seat, Supplier<CredentialRenewer> renewer, AgentLog log, Duration every) {
        this.seat = seat;
        this.renewer = renewer;
        this.log = log;
        this.every = every;
    }

    /** Checks now and then every interval until {@link #stop()} is called. */
    public void run() {
        log.info("started (process " + ProcessHandle.current().pid() + "), checking every " + every.toSeconds() + " s");
        try {
            do {
                check();
            } while (!stopRequested.await(every.toMillis(), TimeUnit.MILLISECONDS));
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
        } finally {
            seat.close();
            log.info("stopped; the renewer seat is free");
            stopped.countDown();
        }
    }

    /** Asks {@link #run()} to return and waits (a little) until it has left the seat. */
    public void stop() {
        stopRequested.countDown();
        try {
            stopped.await(10, TimeUnit.SECONDS);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
        }
    }

    private void check() {
        try {
            Optional<List<RenewalOutcome>> outcomes = seat.renewIfHeld(renewer.get());
            if (outcomes.isEmpty()) {
                sayWhoRenews(seat.holder());
                holding = false;
                return;
            }
            if (!holding) {
                log.info("holds the renewer seat: renewing here");
                holding = true;
                idleFor = Optional.empty();
            }
            outcomes.get().forEach(log::outcome);
        } catch (RuntimeException e) {
            // the next check tries again
            log.info("the renewal check failed: " + OutsideText.neutralise(String.valueOf(e.getMessage())));
        }
    }

    private void sayWhoRenews(Optional<RenewerState> holder) {
        Optional<Long> pid = holder.map(RenewerState::pid);
        if (!pid.equals(idleFor)) {
            log.info("another fedcred renews (" + holder.map(state -> state.role() + ", process " + state.pid())
                    .orElse("unknown") + "); waiting to take over");
            idleFor = pid;
        }
    }
}
