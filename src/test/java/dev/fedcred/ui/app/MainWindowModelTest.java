package dev.fedcred.ui.app;

import static org.assertj.core.api.Assertions.assertThat;

import dev.fedcred.FedcredContext;
import dev.fedcred.core.oidc.IssuerConfig;
import dev.fedcred.core.oidc.IssuerKind;
import dev.fedcred.core.oidc.PendingSignIn;
import dev.fedcred.core.settings.Appearance;
import dev.fedcred.core.status.StatusReader;
import dev.fedcred.core.status.StatusSnapshot;
import dev.fedcred.sandbox.SandboxOptions;
import dev.fedcred.sandbox.SandboxServer;
import dev.fedcred.testing.FakeBrowser;
import dev.fedcred.testing.MutableClock;
import dev.fedcred.testing.SandboxHome;
import dev.fedcred.ui.fx.ModelWork;
import dev.fedcred.ui.issuers.IssuerRowModel;
import dev.fedcred.ui.state.WindowState;
import java.net.URI;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.time.Instant;
import java.time.temporal.ChronoUnit;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.Executor;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * What the window shows from each read of the files, without a window: the real core against an
 * auto-approving sandbox on the test's stopped clock, the reads made by the test and handed to
 * the model as the window's live state would, and the rows' work run where the test says.
 */
class MainWindowModelTest {
    @TempDir
    Path home;

    private final MutableClock clock = MutableClock.stoppedAt(Instant.now().truncatedTo(ChronoUnit.SECONDS));
    private final WindowState state = new WindowState();
    private final List<Runnable> held = new ArrayList<>();
    private final List<String> refreshes = new ArrayList<>();
    private SandboxServer sandbox;
    private FedcredContext context;

    @BeforeEach
    void start() throws Exception {
        sandbox = SandboxServer.start(SandboxOptions.defaults().withPort(0).withAutoApprove(true)
                .withDataDir(SandboxHome.sandboxDataDir(home)), clock);
        context = new FedcredContext(SandboxHome.environment(sandbox, home), clock, new FakeBrowser());
    }

    @AfterEach
    void stop() {
        sandbox.close();
    }

    @Test
    void aFirstStartWithNothingConfiguredWelcomesUntilTheFirstSignIn() {
        MainWindowModel window = model(Runnable::run);
        List<Boolean> welcomeOnEachChange = new ArrayList<>();
        window.onChange(() -> welcomeOnEachChange.add(window.welcome()));

        window.show(read());
        assertThat(window.welcome()).isTrue();
        assertThat(window.loadProblem()).isNull();
        assertThat(names(window)).containsExactly("sandbox");
        assertThat(state.shownIssuerProperty().get()).isNull();

        window.signInToSandbox();
        assertThat(window.welcome()).isFalse();
        assertThat(state.shownIssuerProperty().get()).isEqualTo("sandbox");
        assertThat(welcomeOnEachChange).containsExactly(true, false);

        // later reads never bring it back
        window.show(read());
        assertThat(window.welcome()).isFalse();
    }

    @Test
    void theFirstReadOpensTheLatestSignInStillValid() {
        signInToSandbox();
        MainWindowModel window = model(Runnable::run);
        window.show(read());
        assertThat(state.shownIssuerProperty().get()).isEqualTo("sandbox");
        assertThat(window.welcome()).as("someone signed in before").isFalse();

        clock.advance(Duration.ofHours(2));
        WindowState later = new WindowState();
        MainWindowModel restarted = new MainWindowModel(context, sandbox::issuerUri,
                new ModelWork(Runnable::run, Runnable::run), later, () -> refreshes.add("read again"));
        restarted.show(read());
        assertThat(later.tokens()).containsKey("sandbox");
        assertThat(later.shownIssuerProperty().get()).as("an expired sign-in only shows in its row").isNull();
    }

    @Test
    void aRowWhoseIssuerDidNotChangeIsKeptSoItsSignInGoesOn() {
        MainWindowModel window = model(held::add);
        window.show(read());
        IssuerRowModel sandboxRow = window.rows().get(0);
        window.signIn("sandbox");
        window.signIn("nobody");
        assertThat(sandboxRow.issuer().name()).isEqualTo("sandbox");
        assertThat(held).as("the sandbox row's sign-in waits").hasSize(1);

        context.issuerEditor().add(corp("client-1"));
        window.show(read());
        assertThat(names(window)).containsExactlyInAnyOrder("sandbox", "corp");
        assertThat(window.rows()).contains(sandboxRow);
        assertThat(window.welcome()).isFalse();
        IssuerRowModel corpRow = row(window, "corp");

        context.issuerEditor().change("corp", corp("client-2"));
        window.show(read());
        assertThat(row(window, "corp")).as("a changed issuer gets a new row").isNotSameAs(corpRow);
        assertThat(window.issuerNames()).containsExactlyInAnyOrder("sandbox", "corp");

        context.issuerEditor().remove("corp");
        window.show(read());
        assertThat(window.rows()).containsExactly(sandboxRow);
        window.close();
        runHeld();
        assertThat(context.sessions().current("sandbox")).as("closing cancelled the waiting sign-in").isEmpty();
    }

    @Test
    void aSettingsFileThatDoesNotReadIsShownAndTheSandboxStaysUsable() throws Exception {
        Files.createDirectories(context.settings().file().getParent());
        Files.writeString(context.settings().file(), "{\"issuers\": \"x\u202e\"}");
        MainWindowModel window = model(Runnable::run);

        window.show(read());
        assertThat(window.loadProblem()).contains(context.settings().file().toString()).doesNotContain("\u202e");
        assertThat(window.welcome()).as("the problem comes first").isFalse();
        assertThat(names(window)).containsExactly("sandbox");
        assertThat(window.savedAppearance()).isEqualTo(Appearance.SYSTEM);

        Files.writeString(context.settings().file(), "{\"appearance\": \"dark\"}");
        window.show(read());
        assertThat(window.loadProblem()).isNull();
        assertThat(window.savedAppearance()).isEqualTo(Appearance.DARK);
    }

    private MainWindowModel model(Executor background) {
        return new MainWindowModel(context, sandbox::issuerUri, new ModelWork(background, Runnable::run), state,
                () -> refreshes.add("read again"));
    }

    private StatusSnapshot read() {
        return new StatusReader(context.issuers(), context::sessions, context.targets(), context.kinds()).read();
    }

    private static IssuerConfig corp(String clientId) {
        return new IssuerConfig("corp", IssuerKind.GENERIC, URI.create("http://127.0.0.1:1/realm"), clientId, null,
                null, null);
    }

    private static List<String> names(MainWindowModel window) {
        return window.rows().stream().map(row -> row.issuer().name()).toList();
    }

    private static IssuerRowModel row(MainWindowModel window, String name) {
        return window.rows().stream().filter(row -> row.issuer().name().equals(name)).findFirst().orElseThrow();
    }

    private void signInToSandbox() {
        try (PendingSignIn pending = context.sessions().begin(context.issuers().sandbox())) {
            context.browser().open(pending.authorizationUri());
            context.sessions().finish(pending, Duration.ofSeconds(10));
        }
    }

    private void runHeld() {
        List<Runnable> now = List.copyOf(held);
        held.clear();
        now.forEach(Runnable::run);
    }
}
