package dev.fedcred.ui.app;

import static org.assertj.core.api.Assertions.assertThat;

import dev.fedcred.FedcredContext;
import dev.fedcred.core.oidc.IssuerConfig;
import dev.fedcred.core.oidc.IssuerKind;
import dev.fedcred.core.settings.Appearance;
import dev.fedcred.core.status.StatusReader;
import dev.fedcred.core.status.StatusSnapshot;
import dev.fedcred.testing.SandboxSignIn;
import dev.fedcred.ui.fx.ModelWork;
import dev.fedcred.ui.issuers.IssuerRowModel;
import dev.fedcred.ui.state.WindowState;
import dev.fedcred.ui.testing.HeldWork;
import dev.fedcred.ui.testing.StoppedSandbox;
import java.net.URI;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.Executor;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.RegisterExtension;

/**
 * What the window shows from each read of the files, without a window: the real core against an
 * auto-approving sandbox on the test's stopped clock, the reads made by the test and handed to
 * the model as the window's live state would, and the rows' work run where the test says.
 */
class MainWindowModelTest {
    @RegisterExtension
    final StoppedSandbox sandbox = new StoppedSandbox();
    private final WindowState state = new WindowState();
    private final HeldWork held = new HeldWork();
    private final List<String> refreshes = new ArrayList<>();

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
        SandboxSignIn.signIn(sandbox.context());
        MainWindowModel window = model(Runnable::run);
        window.show(read());
        assertThat(state.shownIssuerProperty().get()).isEqualTo("sandbox");
        assertThat(window.welcome()).as("someone signed in before").isFalse();

        sandbox.clock().advance(Duration.ofHours(2));
        WindowState later = new WindowState();
        MainWindowModel restarted = model(later, Runnable::run);
        restarted.show(read());
        assertThat(later.tokens()).containsKey("sandbox");
        assertThat(later.shownIssuerProperty().get()).as("an expired sign-in only shows in its row").isNull();
    }

    @Test
    void aRowWhoseIssuerDidNotChangeIsKeptSoItsSignInGoesOn() {
        MainWindowModel window = model(held);
        window.show(read());
        IssuerRowModel sandboxRow = window.rows().get(0);
        window.signIn("sandbox");
        window.signIn("nobody");
        assertThat(sandboxRow.issuer().name()).isEqualTo("sandbox");
        assertThat(held.size()).as("the sandbox row's sign-in waits").isEqualTo(1);

        sandbox.context().issuerEditor().add(corp("client-1"));
        window.show(read());
        assertThat(names(window)).containsExactlyInAnyOrder("sandbox", "corp");
        assertThat(window.rows()).contains(sandboxRow);
        assertThat(window.welcome()).isFalse();
        IssuerRowModel corpRow = row(window, "corp");

        sandbox.context().issuerEditor().change("corp", corp("client-2"));
        window.show(read());
        assertThat(row(window, "corp")).as("a changed issuer gets a new row").isNotSameAs(corpRow);
        assertThat(window.issuerNames()).containsExactlyInAnyOrder("sandbox", "corp");

        sandbox.context().issuerEditor().remove("corp");
        window.show(read());
        assertThat(window.rows()).containsExactly(sandboxRow);
        window.close();
        held.runAll();
        assertThat(sandbox.context().sessions().current("sandbox")).as("closing cancelled the waiting sign-in")
                .isEmpty();
    }

    @Test
    void aSettingsFileThatDoesNotReadIsShownAndTheSandboxStaysUsable() throws Exception {
        Files.createDirectories(sandbox.context().settings().file().getParent());
        Files.writeString(sandbox.context().settings().file(), "{\"issuers\": \"x\u202e\"}");
        MainWindowModel window = model(Runnable::run);

        window.show(read());
        Path settings = sandbox.context().settings().file();
        assertThat(window.loadProblem()).contains(settings.toString()).doesNotContain("\u202e");
        assertThat(window.welcome()).as("the problem comes first").isFalse();
        assertThat(names(window)).containsExactly("sandbox");
        assertThat(window.savedAppearance()).isEqualTo(Appearance.SYSTEM);

        Files.writeString(sandbox.context().settings().file(), "{\"appearance\": \"dark\"}");
        window.show(read());
        assertThat(window.loadProblem()).isNull();
        assertThat(window.savedAppearance()).isEqualTo(Appearance.DARK);
    }

    private MainWindowModel model(Executor background) {
        return model(state, background);
    }

    private MainWindowModel model(WindowState windowState, Executor background) {
        return new MainWindowModel(sandbox.context(), sandbox.server()::issuerUri,
                new ModelWork(background, Runnable::run), windowState, () -> refreshes.add("read again"));
    }

    private StatusSnapshot read() {
        FedcredContext context = sandbox.context();
        return new StatusReader(context.settings(), context.issuers(), context::sessions, context.targets(), context.kinds()).read();
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
}
