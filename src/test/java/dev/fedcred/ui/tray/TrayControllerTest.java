package dev.fedcred.ui.tray;

import static org.assertj.core.api.Assertions.assertThat;

import dev.fedcred.FedcredContext;
import dev.fedcred.core.status.LiveStatus;
import dev.fedcred.core.gcp.GcpWorkloadTarget;
import dev.fedcred.core.settings.TargetRegistry;
import dev.fedcred.sandbox.SandboxOptions;
import dev.fedcred.sandbox.SandboxServer;
import dev.fedcred.testing.FakeBrowser;
import dev.fedcred.testing.MutableClock;
import dev.fedcred.testing.SandboxHome;
import dev.fedcred.testing.SandboxSignIn;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.time.Instant;
import java.time.temporal.ChronoUnit;
import java.util.List;
import java.util.concurrent.Callable;
import java.util.concurrent.CopyOnWriteArrayList;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * The tray's actions against the real sandbox, through the same core services the window uses:
 * credentials got from the menu land in the files the tools read and the menu counts them down;
 * what only the browser can fix goes to the window's sign-in; anything else is told with its
 * message. The system tray itself is replaced by a record of what it was asked to show. The
 * sandbox and the tray share a stopped clock, so every countdown is exact; the menu's actions run
 * on the test's thread, and the test waits for the menu it expects to be shown, never for a time.
 */
class TrayControllerTest {
    private static final TrayAction GET_AWS = new TrayAction.GetCredentials(TargetRegistry.SANDBOX_AWS);
    private static final TrayAction GET_GCP = new TrayAction.GetCredentials(TargetRegistry.SANDBOX_GCP);

    @TempDir
    Path home;

    private final MutableClock clock = MutableClock.stoppedAt(Instant.now().truncatedTo(ChronoUnit.SECONDS));
    private SandboxServer sandbox;
    private final FakeBrowser browser = new FakeBrowser();
    private FedcredContext context;
    private final RecordingView view = new RecordingView();
    private final RecordingHost host = new RecordingHost();
    private TrayController controller;
    private LiveStatus live;

    @BeforeEach
    void start() throws Exception {
        sandbox = SandboxServer.start(SandboxOptions.defaults().withPort(0).withGcpPort(0).withAutoApprove(true)
                .withDataDir(SandboxHome.sandboxDataDir(home)), clock);
        context = new FedcredContext(SandboxHome.environment(sandbox, home), clock, browser);
    }

    private void startTray() {
        live = context.liveStatus();
        controller = new TrayController(context, new TrayModel(context.clock()), view, host, live, Runnable::run);
        controller.start();
        live.startWatching();
    }

    @AfterEach
    void stop() throws InterruptedException {
        if (controller != null) {
            controller.close();
            live.close();
            // the seat is left in the background: let it finish before the temp folder goes
            live.awaitClosed(Duration.ofSeconds(30));
        }
        sandbox.close();
    }

    private void signIn() {
        SandboxSignIn.signIn(context);
    }

    @Test
    void credentialsFromTheMenuAreWrittenAndCountedDown() throws Exception {
        signIn();
        startTray();
        waitUntil(() -> view.showsItemStartingWith("Assume role sandbox-aws"));
        assertThat(view.last().state()).isEqualTo(TrayState.SIGNED_IN);

        controller.perform(GET_AWS);
        assertThat(Files.readString(home.resolve("aws/credentials"))).contains("[fedcred-sandbox]");
        waitUntil(() -> view.showsItemStartingWith("Renew sandbox-aws — 1:00:00 left"));
        clock.advance(Duration.ofMinutes(17).plusSeconds(50));
        waitUntil(() -> view.showsItemStartingWith("Renew sandbox-aws — 0:42:10 left"));

        controller.perform(GET_GCP);
        waitUntil(() -> view.showsItemStartingWith("Renew sandbox-gcp — 1:00:00 left"));
        assertThat(context.gcp().adcFile((GcpWorkloadTarget) context.targets().resolve(TargetRegistry.SANDBOX_GCP)))
                .exists();
        assertThat(view.notifications).isEmpty();
        assertThat(host.signIns).isEmpty();
    }

    @Test
    void withoutASignInTheWindowOpensAndStartsIt() throws Exception {
        startTray();
        waitUntil(() -> view.showsItemStartingWith("Sign in to sandbox…"));
        assertThat(view.last().state()).isEqualTo(TrayState.SIGNED_OUT);

        controller.perform(GET_AWS);
        assertThat(host.signIns).containsExactly("sandbox");
        waitUntil(() -> view.showsItemStartingWith("Assume role sandbox-aws"));
        assertThat(home.resolve("aws/credentials")).doesNotExist();
        assertThat(view.notifications).isEmpty();
    }

    @Test
    void aFailureTheBrowserCannotFixIsToldWithWhatToDo() throws Exception {
        signIn();
        Files.createDirectories(home.resolve("aws"));
        Files.writeString(home.resolve("aws/credentials"),
                "[fedcred-sandbox]\naws_access_key_id = AKIAEXAMPLEOWNEDBYUSER\n");
        startTray();
        waitUntil(() -> view.showsItemStartingWith("Assume role sandbox-aws"));

        controller.perform(GET_AWS);
        assertThat(view.notifications.get(0)).startsWith("Could not get credentials for sandbox-aws: ")
                .contains("was not written by fedcred").contains("confirm in the app");
        assertThat(Files.readString(home.resolve("aws/credentials"))).contains("AKIAEXAMPLEOWNEDBYUSER");
        assertThat(host.signIns).isEmpty();
    }

    @Test
    void aSignInReachesTheTrayAtOnce() throws Exception {
        startTray();
        waitUntil(() -> view.showsItemStartingWith("Sign in to sandbox…"));

        signIn();
        waitUntil(() -> view.showsItemStartingWith("Signed in to sandbox — "));
        assertThat(view.last().state()).isEqualTo(TrayState.SIGNED_IN);
    }

    @Test
    void credentialsAnotherProcessGotReachTheTrayWithinASecond() throws Exception {
        signIn();
        startTray();
        waitUntil(() -> view.showsItemStartingWith("Assume role sandbox-aws"));

        // what `fedcred assume sandbox-aws` in a terminal does: its own context, the same files
        FedcredContext terminal = new FedcredContext(SandboxHome.environment(sandbox, home), clock,
                new FakeBrowser());
        terminal.kinds().of(terminal.targets().resolve(TargetRegistry.SANDBOX_AWS)).obtain(false);
        long written = System.nanoTime();
        waitUntil(() -> view.showsItemStartingWith("Renew sandbox-aws — 1:00:00 left"));
        assertThat(Duration.ofNanos(System.nanoTime() - written)).isLessThan(Duration.ofSeconds(1));
    }

    @Test
    void openConsoleOpensTheBrowserOnTheConsoleAsTheRole() throws Exception {
        signIn();
        startTray();
        waitUntil(() -> view.showsItemStartingWith("Open console sandbox-aws"));

        int before = browser.visits();
        controller.perform(view.actionOf("Open console sandbox-aws"));
        waitUntil(() -> browser.visits() > before);
        assertThat(browser.landedOn().body()).contains("assumed-role/fedcred-sandbox/sandbox.user@example.com")
                .contains("<code id=\"region\">us-east-1</code>");
        assertThat(view.notifications).isEmpty();
    }

    @Test
    void theTrayOffersTheChainedRolesConsoleToo() throws Exception {
        signIn();
        startTray();
        waitUntil(() -> view.showsItemStartingWith("Open console sandbox-aws-chained"));

        int before = browser.visits();
        controller.perform(view.actionOf("Open console sandbox-aws-chained"));
        waitUntil(() -> browser.visits() > before);
        assertThat(browser.landedOn().body()).contains("assumed-role/fedcred-sandbox-chained/");
        assertThat(view.notifications).isEmpty();
    }

    @Test
    void aConsoleTheFederationEndpointRefusesIsToldAndNothingOpens() throws Exception {
        signIn();
        startTray();
        waitUntil(() -> view.showsItemStartingWith("Open console sandbox-aws"));
        sandbox.awsFederationFaults().refuseNext(400);
        int before = browser.visits();

        controller.perform(view.actionOf("Open console sandbox-aws"));
        waitUntil(() -> !view.notifications.isEmpty());
        assertThat(view.notifications.get(0)).startsWith("Open console sandbox-aws failed: The AWS federation endpoint ")
                .contains("refused the role session for a console sign-in (HTTP 400)");
        assertThat(browser.visits()).isEqualTo(before);
        assertThat(host.signIns).isEmpty();
    }

    @Test
    void aConsoleWithoutASignInStartsTheSignInInTheWindow() throws Exception {
        startTray();
        waitUntil(() -> view.showsItemStartingWith("Open console sandbox-aws"));

        controller.perform(view.actionOf("Open console sandbox-aws"));
        waitUntil(() -> host.signIns.equals(List.of("sandbox")));
        assertThat(browser.visits()).isZero();
    }

    @Test
    void theOtherItemsAskTheApp() throws Exception {
        startTray();
        controller.perform(new TrayAction.SignIn("sandbox"));
        controller.perform(new TrayAction.OpenWindow());
        controller.perform(new TrayAction.Quit());

        assertThat(host.signIns).containsExactly("sandbox");
        assertThat(host.windowShown).hasSize(1);
        assertThat(host.quit).hasSize(1);
    }

    /** Waits for the menu (or notice) that makes {@code condition} true: the view wakes the test at each one. */
    private void waitUntil(Callable<Boolean> condition) throws Exception {
        long deadline = System.nanoTime() + Duration.ofSeconds(20).toNanos();
        synchronized (view) {
            while (!condition.call()) {
                long left = deadline - System.nanoTime();
                if (left <= 0) {
                    throw new AssertionError("The tray did not reach the expected state within 20 s; it shows "
                            + view.last());
                }
                view.wait(Math.max(1, left / 1_000_000));
            }
        }
    }

    private static final class RecordingView implements TrayView {
        private volatile TrayMenu last;
        final List<String> notifications = new CopyOnWriteArrayList<>();

        @Override
        public synchronized void show(TrayMenu menu) {
            last = menu;
            notifyAll();
        }

        @Override
        public synchronized void notify(String title, String message) {
            notifications.add(title + ": " + message);
            notifyAll();
        }

        TrayMenu last() {
            return last;
        }

        TrayAction actionOf(String label) {
            return last.items().stream().filter(item -> label.equals(item.label())).findFirst().orElseThrow().action();
        }

        boolean showsItemStartingWith(String prefix) {
            TrayMenu menu = last;
            return menu != null && menu.items().stream()
                    .anyMatch(item -> item.label() != null && item.label().startsWith(prefix));
        }
    }

    private static final class RecordingHost implements TrayHost {
        final List<String> windowShown = new CopyOnWriteArrayList<>();
        final List<String> signIns = new CopyOnWriteArrayList<>();
        final List<String> quit = new CopyOnWriteArrayList<>();

        @Override
        public void showWindow() {
            windowShown.add("shown");
        }

        @Override
        public void signIn(String issuerName) {
            signIns.add(issuerName);
        }

        @Override
        public void quit() {
            quit.add("quit");
        }
    }
}
