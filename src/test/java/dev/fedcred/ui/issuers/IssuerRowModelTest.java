package dev.fedcred.ui.issuers;

import static org.assertj.core.api.Assertions.assertThat;

import dev.fedcred.FedcredContext;
import dev.fedcred.core.oidc.BrowserOpener;
import dev.fedcred.core.oidc.IssuerConfig;
import dev.fedcred.core.oidc.IssuerKind;
import dev.fedcred.core.oidc.TokenSet;
import dev.fedcred.sandbox.SandboxOptions;
import dev.fedcred.sandbox.SandboxServer;
import dev.fedcred.testing.FakeBrowser;
import dev.fedcred.testing.MutableClock;
import dev.fedcred.testing.SandboxHome;
import dev.fedcred.ui.fx.Confirmation;
import dev.fedcred.ui.fx.ModelWork;
import dev.fedcred.ui.state.WindowState;
import java.net.URI;
import java.nio.file.Path;
import java.time.Duration;
import java.time.Instant;
import java.time.temporal.ChronoUnit;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.concurrent.Executor;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * An issuer row's state and actions without a window: the real core against an auto-approving
 * sandbox that shares the test's stopped clock, and the row's background work run where the test
 * says (at once, or when the test lets it), so every text is exact and nothing waits.
 */
class IssuerRowModelTest {
    private static final String CORP = "corp";

    @TempDir
    Path home;

    private final MutableClock clock = MutableClock.stoppedAt(Instant.now().truncatedTo(ChronoUnit.SECONDS));
    private final WindowState state = new WindowState();
    /** Background work the test runs when it chooses, to look at the row while it waits. */
    private final List<Runnable> held = new ArrayList<>();
    private final List<String> refreshes = new ArrayList<>();
    private SandboxServer sandbox;
    private FedcredContext context;

    @BeforeEach
    void start() throws Exception {
        sandbox = SandboxServer.start(SandboxOptions.defaults().withPort(0).withAutoApprove(true)
                .withDataDir(SandboxHome.sandboxDataDir(home)), clock);
        context = contextWith(new FakeBrowser());
    }

    @AfterEach
    void stop() {
        sandbox.close();
    }

    @Test
    void aSignInCountsDownToTheSecondAndShowsTheClaims() {
        IssuerRowModel row = sandboxRow(Runnable::run);
        assertThat(row.status(clock.instant())).isEqualTo("Not signed in");
        assertThat(row.level(clock.instant())).isEqualTo(IssuerRowModel.Level.NONE);
        assertThat(row.canShowClaims()).isFalse();
        assertThat(row.editable()).as("the built-in sandbox").isFalse();

        row.signIn();

        assertThat(row.waiting()).isFalse();
        assertThat(row.error()).isNull();
        assertThat(row.status(clock.instant())).isEqualTo("Signed in as sandbox.user@example.com, 1:00:00 left");
        assertThat(row.status(clock.instant().plusSeconds(17 * 60 + 50)))
                .isEqualTo("Signed in as sandbox.user@example.com, 0:42:10 left");
        assertThat(row.level(clock.instant())).isEqualTo(IssuerRowModel.Level.SIGNED_IN);
        assertThat(row.selected()).as("a fresh sign-in is what the user looks at").isTrue();
        assertThat(row.canShowClaims()).isFalse();
        assertThat(row.canSignIn()).isTrue();
        clock.advance(Duration.ofHours(1));
        assertThat(row.status(clock.instant())).isEqualTo(SignInStatus.EXPIRED);
        assertThat(row.level(clock.instant())).isEqualTo(IssuerRowModel.Level.EXPIRED);
    }

    @Test
    void whileWaitingASecondSignInDoesNothingAndCancelStopsQuietly() {
        IssuerRowModel row = sandboxRow(held::add);
        List<Boolean> waitingOnEachChange = new ArrayList<>();
        row.onChange(() -> waitingOnEachChange.add(row.waiting()));

        row.signIn();
        assertThat(row.waiting()).isTrue();
        assertThat(row.canSignIn()).isFalse();
        row.signIn();
        assertThat(held).as("a second click while it waits does nothing").hasSize(1);

        row.cancel();
        assertThat(row.waiting()).isFalse();
        assertThat(row.notice()).isEqualTo(IssuerRowModel.SIGN_IN_CANCELLED);
        // the flow winds down on its own: what it says or ends in no longer counts
        runHeld();
        assertThat(row.waiting()).isFalse();
        assertThat(row.waitingMessage()).isNull();
        assertThat(row.error()).isNull();
        assertThat(row.notice()).isEqualTo(IssuerRowModel.SIGN_IN_CANCELLED);
        assertThat(context.sessions().current("sandbox")).isEmpty();
        assertThat(waitingOnEachChange).startsWith(true).contains(false);
    }

    @Test
    void theWaitingMessageFollowsTheFlow() {
        List<String> messages = new ArrayList<>();
        IssuerRowModel row = sandboxRow(Runnable::run);
        row.onChange(() -> {
            if (row.waitingMessage() != null && !messages.contains(row.waitingMessage())) {
                messages.add(row.waitingMessage());
            }
        });

        row.signIn();
        assertThat(messages).containsExactly("Starting the sandbox…", "Contacting sandbox (sandbox)…",
                IssuerRowModel.WAITING_FOR_BROWSER);
        assertThat(row.waitingMessage()).as("done waiting").isNull();
    }

    @Test
    void withoutABrowserTheUrlIsOfferedToOpenByHandUntilTheSignInEnds() {
        FakeBrowser opensByHand = new FakeBrowser();
        // no browser started; the user opens the URL themselves
        BrowserOpener none = uri -> !opensByHand.open(uri);
        context = contextWith(none);
        List<URI> offered = new ArrayList<>();
        IssuerRowModel row = sandboxRow(Runnable::run);
        row.onChange(() -> {
            if (row.openByHand() != null) {
                offered.add(row.openByHand());
            }
        });

        row.signIn();
        assertThat(offered).isNotEmpty();
        assertThat(offered.get(0).toString()).startsWith(sandbox.issuerUri() + "/authorize?");
        assertThat(row.openByHand()).isNull();
        assertThat(row.status(clock.instant())).startsWith("Signed in as ");
    }

    @Test
    void anUnreachableIssuerShowsWhatToDo() {
        IssuerRowModel row = row(new IssuerConfig("down", IssuerKind.GENERIC, URI.create("http://127.0.0.1:1/realm"),
                "client", null, null, null), Runnable::run);

        row.signIn();
        assertThat(row.error()).isNotBlank();
        assertThat(row.notice()).isNull();
        assertThat(row.canSignIn()).isTrue();
        assertThat(row.status(clock.instant())).isEqualTo("Not signed in");
    }

    @Test
    void removingAsksFirstThenRemovesAndSignsOut() {
        IssuerConfig corp = context.issuerEditor().add(new IssuerConfig(CORP, IssuerKind.GENERIC,
                URI.create("http://127.0.0.1:1/realm"), "client", null, null, null));
        IssuerRowModel row = row(corp, held::add);
        assertThat(row.editable()).isTrue();

        row.remove();
        Confirmation question = row.question();
        assertThat(question.text()).isEqualTo("Remove issuer corp? Its saved sign-in is forgotten.");
        assertThat(question.proceedAccessibleText()).isEqualTo("Remove issuer corp");
        assertThat(question.cancelAccessibleText()).isEqualTo("Keep issuer corp");
        row.answer(question, false);
        assertThat(row.question()).isNull();
        assertThat(held).isEmpty();

        row.remove();
        row.answer(row.question(), true);
        assertThat(row.canEditOrRemove()).as("nothing else starts while it goes").isFalse();
        assertThat(row.canSignIn()).isFalse();
        runHeld();
        assertThat(refreshes).containsExactly("read again");
        assertThat(context.settings().load().issuer(CORP)).isEmpty();
    }

    @Test
    void aRemovalRefusedSaysWhyAndTheRowIsUsableAgain() {
        IssuerRowModel row = row(new IssuerConfig("ghost", IssuerKind.GENERIC, URI.create("http://127.0.0.1:1/realm"),
                "client", null, null, null), Runnable::run);

        row.remove();
        Confirmation first = row.question();
        row.remove();
        row.answer(first, true);
        assertThat(row.question()).as("an answer to a question no longer asked does nothing").isNotNull();
        row.answer(row.question(), true);

        assertThat(row.error()).startsWith("There is no issuer named \"ghost\"");
        assertThat(row.canEditOrRemove()).isTrue();
        assertThat(refreshes).isEmpty();
    }

    @Test
    void showClaimsIsOfferedForASignInWhoseClaimsDoNotShow() {
        IssuerRowModel row = sandboxRow(Runnable::run);
        row.signIn();
        TokenSet tokens = context.sessions().current("sandbox").orElseThrow();
        List<String> changes = new ArrayList<>();
        row.onChange(() -> changes.add("changed"));

        // a restart: the sign-in is there, no claims open
        state.loaded(Map.of("sandbox", tokens), null);
        assertThat(changes).as("the row hears the window's state").isNotEmpty();
        assertThat(row.selected()).isFalse();
        assertThat(row.canShowClaims()).isTrue();
        row.showClaims();
        assertThat(row.selected()).isTrue();
        assertThat(row.canShowClaims()).isFalse();

        state.signedOut("sandbox");
        assertThat(row.status(clock.instant())).isEqualTo("Not signed in");
        row.dispose();
        changes.clear();
        state.signedIn(tokens);
        assertThat(changes).as("a disposed row listens no more").isEmpty();
    }

    private FedcredContext contextWith(BrowserOpener browser) {
        return new FedcredContext(SandboxHome.environment(sandbox, home), clock, browser);
    }

    private IssuerRowModel sandboxRow(Executor background) {
        return row(context.issuers().sandbox(), background);
    }

    private IssuerRowModel row(IssuerConfig issuer, Executor background) {
        return new IssuerRowModel(context, sandbox::issuerUri, new ModelWork(background, Runnable::run), state, issuer,
                () -> refreshes.add("read again"));
    }

    private void runHeld() {
        List<Runnable> now = List.copyOf(held);
        held.clear();
        now.forEach(Runnable::run);
    }
}
