package dev.fedcred.ui.tray;

import dev.fedcred.FedcredContext;
import dev.fedcred.core.oidc.TokenSet;
import dev.fedcred.core.session.BrowserSignIn;
import dev.fedcred.core.status.LiveStatus;
import dev.fedcred.core.status.StatusSnapshot;
import dev.fedcred.core.status.TargetSnapshot;
import dev.fedcred.ui.fx.UserMessages;
import dev.fedcred.ui.targets.TargetActions;
import dev.fedcred.ui.targets.TargetKind;
import java.lang.System.Logger.Level;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.Executor;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.RejectedExecutionException;
import java.util.concurrent.ScheduledExecutorService;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicInteger;

/**
 * Keeps the tray in step with the sessions and runs its menu's actions. It shows what the
 * window's {@link LiveStatus} reads (never reading the files itself), shows the countdowns every
 * second, and gets credentials on its own threads: never on the AWT event thread or the FX thread.
 */
final class TrayController implements AutoCloseable {
    private static final System.Logger LOG = System.getLogger(TrayController.class.getName());

    private final FedcredContext context;
    private final TrayModel model;
    private final TrayView view;
    private final TrayHost host;
    private final LiveStatus live;
    private final ScheduledExecutorService schedule = Executors.newSingleThreadScheduledExecutor(
            work -> daemon(work, "fedcred-tray"));
    /** Where the menu's actions run: never the AWT event thread or the FX thread. */
    private final Executor actions;
    /** Targets whose credentials the tray is getting, with what their item says meanwhile. */
    private final Map<String, String> working = new ConcurrentHashMap<>();
    /** Of those, the ones done: their item keeps its words until the state with the new expiry is in. */
    private final Set<String> done = ConcurrentHashMap.newKeySet();
    private final LiveStatus.Listener listener = new LiveStatus.Listener() {
        @Override
        public void changed(StatusSnapshot snapshot) {
            facts = TrayFacts.of(snapshot);
            for (String name : List.copyOf(done)) {
                done.remove(name);
                working.remove(name);
            }
            submit(schedule, TrayController.this::render);
        }
    };
    private volatile TrayFacts facts = TrayFacts.NONE;
    private volatile boolean closed;

    TrayController(FedcredContext context, TrayModel model, TrayView view, TrayHost host, LiveStatus live) {
        this(context, model, view, host, live, actionThreads());
    }

    /** @param actions runs the menu's actions; a test may run them at once, on its own thread */
    TrayController(FedcredContext context, TrayModel model, TrayView view, TrayHost host, LiveStatus live,
                   Executor actions) {
        this.actions = actions;
        this.context = context;
        this.model = model;
        this.view = view;
        this.host = host;
        this.live = live;
    }

    void start() {
        live.addListener(listener);
        schedule.scheduleAtFixedRate(this::render, 1, 1, TimeUnit.SECONDS);
    }

    /** Runs a menu item's action; returns at once. */
    void perform(TrayAction action) {
        if (action instanceof TrayAction.GetCredentials get) {
            getCredentials(get.target());
        } else if (action instanceof TrayAction.KindAction kindAction) {
            kindAction(kindAction);
        } else if (action instanceof TrayAction.SignIn signIn) {
            host.signIn(signIn.issuer());
        } else if (action instanceof TrayAction.OpenWindow) {
            host.showWindow();
        } else if (action instanceof TrayAction.Quit) {
            host.quit();
        }
    }

    private void getCredentials(String targetName) {
        Optional<TargetSnapshot> found = facts.targets().stream()
                .filter(snapshot -> snapshot.target().name().equals(targetName)).findFirst();
        TargetKind kind = found.map(snapshot -> TargetKind.of(snapshot)).orElse(null);
        if (kind == null || working.putIfAbsent(targetName, kind.gettingMessage()) != null) {
            return;
        }
        TargetSnapshot target = found.get();
        submit(schedule, this::render);
        submit(actions, () -> {
            try {
                kind.get(context, false);
            } catch (RuntimeException failure) {
                failed(target, failure, "Could not get credentials for " + targetName);
            } finally {
                // the item keeps its words until the new expiry is in, so it never falls back to the old one
                done.add(targetName);
                live.refresh();
            }
        });
    }

    /** Off the AWT thread: the kind's work (asking AWS for a console sign-in), then the browser. */
    private void kindAction(TrayAction.KindAction action) {
        facts.targets().stream().filter(snapshot -> snapshot.target().name().equals(action.target())).findFirst()
                .ifPresent(target -> submit(actions, () -> {
                    try {
                        TargetActions.perform(context, target.target(), action.action());
                    } catch (RuntimeException failure) {
                        failed(target, failure, action.action().label() + " " + action.target() + " failed");
                    }
                }));
    }

    /** Only the browser fixes it: the window opens and starts that sign-in. Anything else: its message says what to do. */
    private void failed(TargetSnapshot target, RuntimeException failure, String title) {
        Optional<String> issuer = BrowserSignIn.issuerFor(failure, target.issuerName());
        if (issuer.isPresent()) {
            host.signIn(issuer.get());
        } else {
            view.notify(title, UserMessages.of(failure));
        }
    }

    private void render() {
        try {
            view.show(model.menu(facts, Map.copyOf(working)));
        } catch (RuntimeException e) {
            LOG.log(Level.WARNING, "Showing the tray menu failed", e);
        }
    }

    private void submit(Executor executor, Runnable work) {
        if (closed) {
            return;
        }
        try {
            executor.execute(work);
        } catch (RejectedExecutionException closing) {
            // the app is quitting
        }
    }

    @Override
    public void close() {
        closed = true;
        live.removeListener(listener);
        schedule.shutdownNow();
        if (actions instanceof ExecutorService pool) {
            pool.shutdownNow();
        }
    }

    private static ExecutorService actionThreads() {
        AtomicInteger count = new AtomicInteger();
        return Executors.newCachedThreadPool(work -> daemon(work, "fedcred-tray-action-" + count.incrementAndGet()));
    }

    private static Thread daemon(Runnable work, String name) {
        Thread thread = new Thread(work, name);
        thread.setDaemon(true);
        return thread;
    }
}
