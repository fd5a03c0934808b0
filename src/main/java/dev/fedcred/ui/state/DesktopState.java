package dev.fedcred.ui.state;

import dev.fedcred.FedcredContext;
import dev.fedcred.core.renewal.RenewalOutcome;
import dev.fedcred.core.renewal.RenewerState;
import dev.fedcred.core.status.LiveStatus;
import dev.fedcred.core.status.StatusSnapshot;
import dev.fedcred.ui.fx.Ticker;
import java.util.List;
import java.util.Optional;
import java.util.concurrent.CopyOnWriteArrayList;
import java.util.function.Consumer;
import javafx.application.Platform;
import javafx.beans.property.ReadOnlyObjectProperty;
import javafx.beans.property.ReadOnlyObjectWrapper;

/**
 * The window's side of {@link LiveStatus}, on the FX thread: the one snapshot every part of the
 * window shows, the countdowns' "now", and what renewal did. The tray listens to the same
 * LiveStatus, so the two never disagree and neither reads the files on its own.
 *
 * <p>A snapshot shows at once, unless it says what the one shown or waiting says: a renewal is
 * read more than once (after the renewal check, after the new token is saved, when the file watch
 * sees the files written), and each change of the window costs a frame. What renewal did shows at the
 * countdowns' next tick ({@link Ticker#atNextSecond}), in the frame the window draws then anyway
 * (issue #15's soak: in the software pipeline each frame uploads the whole window to the X server,
 * and frames close together took another window-sized block of X shared memory for good).
 */
public final class DesktopState implements AutoCloseable {
    private final LiveStatus live;
    private final Ticker ticker;
    private final ReadOnlyObjectWrapper<StatusSnapshot> snapshot = new ReadOnlyObjectWrapper<>();
    private final List<Consumer<List<RenewalOutcome>>> renewalListeners = new CopyOnWriteArrayList<>();
    private final List<Consumer<Optional<RenewerState>>> renewerListeners = new CopyOnWriteArrayList<>();
    /** The last snapshot handed to the FX thread; read and written on LiveStatus's thread only. */
    private StatusSnapshot handedOver;
    private final LiveStatus.Listener listener = new LiveStatus.Listener() {
        @Override
        public void changed(StatusSnapshot read) {
            if (read.equals(handedOver)) {
                return;
            }
            handedOver = read;
            Platform.runLater(() -> snapshot.set(read));
        }

        @Override
        public void renewed(List<RenewalOutcome> outcomes) {
            ticker.atNextSecond(() -> renewalListeners.forEach(each -> each.accept(outcomes)));
        }

        @Override
        public void renewedElsewhere(Optional<RenewerState> holder) {
            ticker.atNextSecond(() -> renewerListeners.forEach(each -> each.accept(holder)));
        }
    };

    public DesktopState(FedcredContext context) {
        this.ticker = new Ticker(context.clock());
        this.live = context.liveStatus();
        live.addListener(listener);
    }

    /** Starts reading, watching the files, renewing and ticking. FX thread. */
    public void start() {
        live.startWatching();
        ticker.start();
    }

    /** The latest snapshot; null until the first read is in. */
    public ReadOnlyObjectProperty<StatusSnapshot> snapshotProperty() {
        return snapshot.getReadOnlyProperty();
    }

    public Ticker ticker() {
        return ticker;
    }

    /** What the tray listens to. */
    public LiveStatus live() {
        return live;
    }

    /** Reads the files again soon; the snapshot property changes when the read is in. */
    public void refresh() {
        live.refresh();
    }

    public void renewNow() {
        live.checkRenewalsNow();
    }

    /** {@code onOutcomes} hears, on the FX thread, each renewal check that renewed or failed something. */
    public void onRenewal(Consumer<List<RenewalOutcome>> onOutcomes) {
        renewalListeners.add(onOutcomes);
    }

    /** {@code onHolder} hears, on the FX thread, when the background agent renews instead (empty: this window renews). */
    public void onRenewer(Consumer<Optional<RenewerState>> onHolder) {
        renewerListeners.add(onHolder);
    }

    @Override
    public void close() {
        ticker.stop();
        live.removeListener(listener);
        live.close();
    }
}
