package dev.fedcred.core.status;

import dev.fedcred.core.oidc.TokenSet;
import dev.fedcred.core.renewal.CredentialRenewer;
import dev.fedcred.core.renewal.RenewalOutcome;
import dev.fedcred.core.renewal.RenewerSeat;
import dev.fedcred.core.renewal.RenewerState;
import dev.fedcred.core.session.IdentitySessions;
import java.lang.System.Logger.Level;
import java.nio.file.Path;
import java.time.Duration;
import java.util.List;
import java.util.Objects;
import java.util.Optional;
import java.util.concurrent.CopyOnWriteArrayList;
import java.util.concurrent.Executors;
import java.util.concurrent.RejectedExecutionException;
import java.util.concurrent.ScheduledExecutorService;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicBoolean;
import java.util.function.Supplier;

/**
 * fedcred's state for a front end that runs all day (the desktop window and the tray): one
 * {@link StatusSnapshot}, read again whenever something may have changed it, and the renewal
 * schedule. It reads again when a sign-in is stored or removed in this process, when another
 * process changes one of fedcred's files ({@link StateFileWatch}), after each renewal check, and
 * when asked. Reads run one at a time on its own thread; a request during a read gives one more
 * read after it, so listeners never miss the last change and never see an older snapshot after a
 * newer one. Listeners are called on that thread and hop to their own toolkit's thread themselves.
 *
 * <p>Given a {@link RenewerSeat}, it renews only while it holds the seat: when the background agent
 * holds it, each check only tries to take it, and listeners hear who renews instead.
 */
public final class LiveStatus implements AutoCloseable {
    public static final Duration RENEWAL_CHECK_EVERY = Duration.ofSeconds(30);
    /** However soon something falls due, checks are at least this far apart. */
    private static final Duration SOONEST_CHECK = Duration.ofSeconds(1);
    private static final System.Logger LOG = System.getLogger(LiveStatus.class.getName());

    /** What a front end hears. */
    public interface Listener {
        void changed(StatusSnapshot snapshot);

        /** A renewal check renewed something or failed to; not called when nothing was due. */
        default void renewed(List<RenewalOutcome> outcomes) {
        }

        /**
         * Who renews changed: another process (the background agent) holds the renewer seat, or
         * empty when this one renews.
         */
        default void renewedElsewhere(Optional<RenewerState> holder) {
        }
    }

    private final StatusReader reader;
    private final Supplier<CredentialRenewer> renewer;
    private final ScheduledExecutorService thread = Executors.newSingleThreadScheduledExecutor(work -> {
        Thread daemon = new Thread(work, "fedcred-status");
        daemon.setDaemon(true);
        return daemon;
    });
    private final List<Listener> listeners = new CopyOnWriteArrayList<>();
    private final AtomicBoolean readQueued = new AtomicBoolean();
    private final AtomicBoolean checkQueued = new AtomicBoolean();
    private volatile StatusSnapshot latest;
    private volatile StateFileWatch watch;
    private final RenewerSeat seat;
    private volatile Optional<RenewerState> elsewhere = Optional.empty();
    /** Leaves the renewer seat after {@link #close}; null before. */
    private volatile Thread leaving;

    private final Supplier<IdentitySessions> sessions;
    private final List<Path> files;
    private final Duration lookEvery;
    private final Duration renewalEvery;

    /**
     * @param files        the files whose change by another process means a new snapshot
     * @param lookEvery    how often to look at them
     * @param renewalEvery how often to renew what is due
     */
    public LiveStatus(StatusReader reader, Supplier<CredentialRenewer> renewer, Supplier<IdentitySessions> sessions,
                      List<Path> files, Duration lookEvery, Duration renewalEvery) {
        this(reader, renewer, sessions, files, lookEvery, renewalEvery, null);
    }

    /** @param seat the renewer seat this process renews through; null to renew without one */
    public LiveStatus(StatusReader reader, Supplier<CredentialRenewer> renewer, Supplier<IdentitySessions> sessions,
                      List<Path> files, Duration lookEvery, Duration renewalEvery, RenewerSeat seat) {
        this.seat = seat;
        this.reader = reader;
        this.renewer = renewer;
        this.sessions = sessions;
        this.files = List.copyOf(files);
        this.lookEvery = lookEvery;
        this.renewalEvery = renewalEvery;
    }

    /**
     * Starts listening to the sessions and watching the files, reads the first snapshot and
     * schedules the renewal checks. Call once.
     */
    public void startWatching() {
        submit(this::listenAndWatch);
    }

    private void listenAndWatch() {
        // building the sessions reads no library; still, off the caller's (FX) thread
        sessions.get().addListener(new IdentitySessions.Listener() {
            @Override
            public void tokensSaved(TokenSet tokens) {
                refresh();
            }

            @Override
            public void signedOut(String issuerName) {
                refresh();
            }
        });
        watch = new StateFileWatch(files, this::refresh).start(lookEvery);
        read();
        if (seat != null) {
            // say at once who renews, rather than at the first check
            try {
                lookForRenewer(seat.holdOrTake());
            } catch (RuntimeException e) {
                // an unwritable state directory: each check tries again
                LOG.log(Level.WARNING, "Taking the renewer seat failed", e);
            }
        }
        // the first check waits the whole interval: the renewer (and what it loads) is not built at start
        scheduleCheck(renewalEvery);
    }

    private void scheduleCheck(Duration in) {
        try {
            thread.schedule(() -> {
                checkRenewals();
                scheduleCheck(untilNextCheck());
            }, in.toMillis(), TimeUnit.MILLISECONDS);
        } catch (RejectedExecutionException closed) {
            // the front end is closing
        }
    }

    /**
     * The check interval, or less when something this process renews falls due sooner: a token that
     * lives 20 s (the sandbox's shortest) was renewed only at every 30-s check, after it had expired.
     * Something still due right after a check (a renewal that failed) waits for the interval.
     */
    private Duration untilNextCheck() {
        if (seat != null && !seat.held()) {
            return renewalEvery;
        }
        try {
            return renewer.get().timeToNextDue()
                    .filter(until -> !until.isZero() && until.compareTo(renewalEvery) < 0)
                    .map(until -> until.compareTo(SOONEST_CHECK) < 0 ? SOONEST_CHECK : until)
                    .orElse(renewalEvery);
        } catch (RuntimeException e) {
            LOG.log(Level.WARNING, "Reading when the next renewal is due failed", e);
            return renewalEvery;
        }
    }

    /** Hears every snapshot from now on, starting with the latest one if there is one. */
    public void addListener(Listener listener) {
        listeners.add(listener);
        StatusSnapshot known = latest;
        if (known != null) {
            submit(() -> listener.changed(known));
        }
        Optional<RenewerState> holder = elsewhere;
        if (holder.isPresent()) {
            submit(() -> listener.renewedElsewhere(holder));
        }
    }

    public void removeListener(Listener listener) {
        listeners.remove(listener);
    }

    /** The last snapshot read; null before the first read. */
    public StatusSnapshot latest() {
        return latest;
    }

    /** Reads the files again soon, off the caller's thread; requests while one is queued are one read. */
    public void refresh() {
        if (readQueued.compareAndSet(false, true)) {
            submit(() -> {
                readQueued.set(false);
                read();
            });
        }
    }

    /** Renews what is due now, as the schedule does, then reads again. */
    public void checkRenewalsNow() {
        if (checkQueued.compareAndSet(false, true)) {
            submit(this::checkRenewals);
        }
    }

    private void checkRenewals() {
        checkQueued.set(false);
        try {
            List<RenewalOutcome> outcomes;
            if (seat == null) {
                outcomes = renewer.get().renewDue();
            } else {
                Optional<List<RenewalOutcome>> ours = seat.renewIfHeld(renewer.get());
                lookForRenewer(ours.isPresent());
                outcomes = ours.orElse(List.of());
            }
            if (!outcomes.isEmpty()) {
                listeners.forEach(listener -> listener.renewed(outcomes));
                read();
            }
        } catch (RuntimeException e) {
            // the next check tries again
            LOG.log(Level.WARNING, "The renewal check failed", e);
        }
    }

    /** Tells listeners when who renews changed: another process, or this one again. */
    private void lookForRenewer(boolean ours) {
        Optional<RenewerState> now = ours ? Optional.empty() : seat.holder();
        Optional<RenewerState> before = elsewhere;
        elsewhere = now;
        if (!sameHolder(before, now)) {
            listeners.forEach(listener -> listener.renewedElsewhere(now));
        }
    }

    private static boolean sameHolder(Optional<RenewerState> one, Optional<RenewerState> other) {
        return Objects.equals(one.map(RenewerState::pid), other.map(RenewerState::pid))
                && Objects.equals(one.map(RenewerState::role), other.map(RenewerState::role));
    }

    /** The other process that renews now (the background agent), or empty when this one does. */
    public Optional<RenewerState> renewedElsewhere() {
        return elsewhere;
    }

    private void read() {
        StatusSnapshot snapshot;
        try {
            snapshot = reader.read();
        } catch (RuntimeException e) {
            // keep the last snapshot; the next change tries again
            LOG.log(Level.WARNING, "Reading fedcred's state failed", e);
            return;
        }
        latest = snapshot;
        for (Listener listener : listeners) {
            try {
                listener.changed(snapshot);
            } catch (RuntimeException e) {
                LOG.log(Level.WARNING, "A listener of fedcred's state failed", e);
            }
        }
    }

    private void submit(Runnable work) {
        try {
            thread.execute(work);
        } catch (RejectedExecutionException closed) {
            // the front end is closing
        }
    }

    @Override
    public void close() {
        StateFileWatch started = watch;
        if (started != null) {
            started.close();
        }
        thread.shutdownNow();
        if (seat != null) {
            // once a check under way has ended, so that none takes the seat again; off the caller's
            // (FX) thread, which a renewal waiting on the network must not hold up
            Thread leaver = new Thread(() -> {
                try {
                    thread.awaitTermination(1, TimeUnit.MINUTES);
                } catch (InterruptedException e) {
                    Thread.currentThread().interrupt();
                }
                seat.close();
            }, "fedcred-renewer-seat");
            leaver.setDaemon(true);
            leaving = leaver;
            leaver.start();
        }
    }

    /**
     * Waits, after {@link #close}, until the renewer seat is left and nothing more is written to the
     * state directory (a caller about to delete it, say); returns at once if there was no seat.
     */
    public void awaitClosed(Duration atMost) throws InterruptedException {
        Thread leaver = leaving;
        if (leaver != null) {
            leaver.join(atMost.toMillis());
        }
    }
}
