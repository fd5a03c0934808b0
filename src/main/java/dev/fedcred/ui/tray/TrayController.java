package dev.fedcred.ui.tray;

import dev.fedcred.FedcredContext;
import dev.fedcred.core.BrowserSignIn;
import dev.fedcred.core.oidc.TokenSet;
import dev.fedcred.core.session.IdentitySessions;
import dev.fedcred.ui.TargetKind;
import dev.fedcred.ui.TargetSnapshot;
import dev.fedcred.ui.UserMessages;
import java.lang.System.Logger.Level;
import java.time.Duration;
import java.util.Map;
import java.util.Optional;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.RejectedExecutionException;
import java.util.concurrent.ScheduledExecutorService;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicInteger;

/**
 * Keeps the tray in step with the sessions and runs its menu's actions. It reads the sessions
 * every few seconds and whenever a sign-in is stored or removed, shows the countdowns every
 * second, and gets credentials on its own threads: never on the AWT event thread or the FX thread.
 */
final class TrayController implements AutoCloseable {
    /** The window's rows can change credentials too; the tray sees that within this. */
    static final Duration READ_EVERY = Duration.ofSeconds(5);
    private static final System.Logger LOG = System.getLogger(TrayController.class.getName());

    private final FedcredContext context;
    private final TrayModel model;
    private final TrayView view;
    private final TrayHost host;
    private final Duration readEvery;
    private final ScheduledExecutorService schedule = Executors.newSingleThreadScheduledExecutor(
            work -> daemon(work, "fedcred-tray"));
    private final AtomicInteger actionThreads = new AtomicInteger();
    private final ExecutorService actions = Executors.newCachedThreadPool(
            work -> daemon(work, "fedcred-tray-action-" + actionThreads.incrementAndGet()));
    /** Targets whose credentials the tray is getting, with what their item says meanwhile. */
    private final Map<String, String> working = new ConcurrentHashMap<>();
    private volatile TrayFacts facts = TrayFacts.NONE;
    private volatile boolean closed;

    TrayController(FedcredContext context, TrayModel model, TrayView view, TrayHost host, Duration readEvery) {
        this.context = context;
        this.model = model;
        this.view = view;
        this.host = host;
        this.readEvery = readEvery;
    }

    void start() {
        context.sessions().addListener(new IdentitySessions.Listener() {
            @Override
            public void tokensSaved(TokenSet tokens) {
                readSoon();
            }

            @Override
            public void signedOut(String issuerName) {
                readSoon();
            }
        });
        schedule.scheduleWithFixedDelay(this::read, 0, readEvery.toMillis(), TimeUnit.MILLISECONDS);
        schedule.scheduleAtFixedRate(this::render, 1, 1, TimeUnit.SECONDS);
    }

    /** Reads the sessions again at once, as after a sign-in or a change of credentials. */
    void readSoon() {
        submit(schedule, this::read);
    }

    /** Runs a menu item's action; returns at once. */
    void perform(TrayAction action) {
        if (action instanceof TrayAction.GetCredentials get) {
            getCredentials(get.target());
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
                host.credentialsChanged();
            } catch (RuntimeException failure) {
                failed(target, failure);
            } finally {
                // the new expiry first, so the item never falls back to its old words in between
                read();
                working.remove(targetName);
                render();
            }
        });
    }

    /** Only the browser fixes it: the window opens and starts that sign-in. Anything else: its message says what to do. */
    private void failed(TargetSnapshot target, RuntimeException failure) {
        Optional<String> issuer = BrowserSignIn.issuerFor(failure, target.issuerName());
        if (issuer.isPresent()) {
            host.signIn(issuer.get());
        } else {
            view.notify("Could not get credentials for " + target.target().name(), UserMessages.of(failure));
        }
    }

    private void read() {
        try {
            facts = TrayFactsReader.read(context);
        } catch (RuntimeException e) {
            // keep showing the last facts; the next read may succeed
            LOG.log(Level.WARNING, "Reading the sessions for the tray failed", e);
        }
        render();
    }

    private void render() {
        try {
            view.show(model.menu(facts, Map.copyOf(working)));
        } catch (RuntimeException e) {
            LOG.log(Level.WARNING, "Showing the tray menu failed", e);
        }
    }

    private void submit(ExecutorService executor, Runnable work) {
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
        schedule.shutdownNow();
        actions.shutdownNow();
    }

    private static Thread daemon(Runnable work, String name) {
        Thread thread = new Thread(work, name);
        thread.setDaemon(true);
        return thread;
    }
}
