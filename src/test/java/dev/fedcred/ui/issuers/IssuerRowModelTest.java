package dev.fedcred.ui.issuers;

import static org.assertj.core.api.Assertions.assertThat;

import dev.fedcred.FedcredContext;
import dev.fedcred.core.oidc.BrowserOpener;
import dev.fedcred.core.oidc.IssuerConfig;
import dev.fedcred.core.oidc.IssuerKind;
import dev.fedcred.core.oidc.TokenSet;
import dev.fedcred.testing.FakeBrowser;
import dev.fedcred.ui.fx.Confirmation;
import dev.fedcred.ui.fx.ModelWork;
import dev.fedcred.ui.state.WindowState;
import dev.fedcred.ui.testing.HeldWork;
import dev.fedcred.ui.testing.StoppedSandbox;
import java.net.URI;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.concurrent.Executor;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.RegisterExtension;

/**
 * An issuer row's state and actions without a window: the real core against an auto-approving
 * sandbox that shares the test's stopped clock, and the row's background work run where the test
 * says (at once, or when the test lets it), so every text is exact and nothing waits.
 */
class IssuerRowModelTest {
    private static final String CORP = "corp";

    @RegisterExtension
    final StoppedSandbox sandbox = new StoppedSandbox();
    private final WindowState state = new WindowState();
    private final HeldWork held = new HeldWork();
    private final List<String> refreshes = new ArrayList<>();

    @Test
    void aSignInCountsDownToTheSecondAndShowsTheClaims() {
        IssuerRowModel row = sandboxRow(Runnable::run);
        assertThat(row.status(sandbox.clock().instant())).isEqualTo("Not signed in");
        assertThat(row.level(sandbox.clock().instant())).isEqualTo(IssuerRowModel.Level.NONE);
        assertThat(row.canShowClaims()).isFalse();
        assertThat(row.editable()).as("the built-in sandbox").isFalse();

        row.signIn();

        assertThat(row.waiting()).isFalse();
        assertThat(row.error()).isNull();
        Instant now = sandbox.clock().instant();
        assertThat(row.status(now)).isEqualTo("Signed in as sandbox.user@example.com, 1:00:00 left");
        assertThat(row.status(now.plusSeconds(17 * 60 + 50)))
                .isEqualTo("Signed in as sandbox.user@example.com, 0:42:10 left");
        assertThat(row.level(sandbox.clock().instant())).isEqualTo(IssuerRowModel.Level.SIGNED_IN);
        assertThat(row.selected()).as("a fresh sign-in is what the user looks at").isTrue();
        assertThat(row.canShowClaims()).isFalse();
        assertThat(row.canSignIn()).isTrue();
        sandbox.clock().advance(Duration.ofHours(1));
        assertThat(row.status(sandbox.clock().instant())).isEqualTo(SignInStatus.EXPIRED);
        assertThat(row.level(sandbox.clock().instant())).isEqualTo(IssuerRowModel.Level.EXPIRED);
    }

    @Test
    void whileWaitingASecondSignInDoesNothingAndCancelStopsQuietly() {
        IssuerRowModel row = sandboxRow(held);
        List<Boolean> waitingOnEachChange = new ArrayList<>();
        row.onChange(() -> waitingOnEachChange.add(row.waiting()));

        row.signIn();
        assertThat(row.waiting()).isTrue();
        assertThat(row.canSignIn()).isFalse();
        row.signIn();
        assertThat(held.size()).as("a second click while it waits does nothing").isEqualTo(1);

        row.cancel();
        assertThat(row.waiting()).isFalse();
        assertThat(row.notice()).isEqualTo(IssuerRowModel.SIGN_IN_CANCELLED);
        // the flow winds down on its own: what it says or ends in no longer counts
        held.runAll();
        assertThat(row.waiting()).isFalse();
        assertThat(row.waitingMessage()).isNull();
        assertThat(row.error()).isNull();
        assertThat(row.notice()).isEqualTo(IssuerRowModel.SIGN_IN_CANCELLED);
        assertThat(sandbox.context().sessions().current("sandbox")).isEmpty();
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
        FedcredContext withoutBrowser = sandbox.contextWith(none);
        List<URI> offered = new ArrayList<>();
        IssuerRowModel row = row(withoutBrowser, withoutBrowser.issuers().sandbox(), Runnable::run);
        row.onChange(() -> {
            if (row.openByHand() != null) {
                offered.add(row.openByHand());
            }
        });

        row.signIn();
        assertThat(offered).isNotEmpty();
        assertThat(offered.get(0).toString()).startsWith(sandbox.server().issuerUri() + "/authorize?");
        assertThat(row.openByHand()).isNull();
        assertThat(row.status(sandbox.clock().instant())).startsWith("Signed in as ");
    }

    @Test
    void anUnreachableIssuerShowsWhatToDo() {
        IssuerRowModel row = row(new IssuerConfig("down", IssuerKind.GENERIC, URI.create("http://127.0.0.1:1/realm"),
                "client", null, null, null), Runnable::run);

        row.signIn();
        assertThat(row.error()).isNotBlank();
        assertThat(row.notice()).isNull();
        assertThat(row.canSignIn()).isTrue();
        assertThat(row.status(sandbox.clock().instant())).isEqualTo("Not signed in");
    }

    @Test
    void theCodeSignInIsOfferedOnceTheIssuersDiscoveryListsTheDeviceEndpoint() {
        IssuerRowModel row = sandboxRow(held);
        assertThat(row.codeOffer()).isEqualTo(IssuerRowModel.CodeOffer.NOT_ASKED);
        assertThat(row.signInWithCode()).as("not before the issuer said so").isNull();

        row.askForCodeOffer();
        row.askForCodeOffer();
        assertThat(row.codeOffer()).isEqualTo(IssuerRowModel.CodeOffer.ASKING);
        assertThat(held.size()).as("asked once").isEqualTo(1);
        held.runAll();

        assertThat(row.codeOffer()).isEqualTo(IssuerRowModel.CodeOffer.OFFERED);
        assertThat(row.signInWithCode().issuer()).isEqualTo(sandbox.server().issuerUri());
    }

    @Test
    void choosingTheCodeStopsABrowserSignInStillWaitingWithoutACancelledNotice() {
        IssuerRowModel row = sandboxRow(held);
        row.askForCodeOffer();
        held.runAll();
        row.signIn();
        assertThat(row.waiting()).isTrue();

        IssuerConfig at = row.signInWithCode();

        assertThat(at).isNotNull();
        assertThat(row.waiting()).isFalse();
        assertThat(row.canSignIn()).isTrue();
        held.runAll();
        assertThat(row.notice()).isNull();
        assertThat(row.error()).isNull();
        assertThat(sandbox.context().sessions().current("sandbox")).isEmpty();
    }

    @Test
    void anIssuerWithoutTheDeviceGrantIsNotOfferedIt() {
        sandbox.server().deviceCodes().setOffered(false);
        IssuerRowModel row = sandboxRow(Runnable::run);

        row.askForCodeOffer();

        assertThat(row.codeOffer()).isEqualTo(IssuerRowModel.CodeOffer.NOT_OFFERED);
        assertThat(row.signInWithCode()).isNull();
    }

    @Test
    void anUnreachableIssuerIsAskedAgainNextTime() {
        IssuerRowModel row = row(new IssuerConfig("down", IssuerKind.GENERIC, URI.create("http://127.0.0.1:1/realm"),
                "client", null, null, null), held);

        row.askForCodeOffer();
        held.runAll();
        assertThat(row.codeOffer()).isEqualTo(IssuerRowModel.CodeOffer.UNREACHABLE);
        assertThat(row.signInWithCode()).isNull();
        row.askForCodeOffer();
        assertThat(row.codeOffer()).isEqualTo(IssuerRowModel.CodeOffer.ASKING);
        assertThat(held.size()).isEqualTo(1);
    }

    @Test
    void removingAsksFirstThenRemovesAndSignsOut() {
        IssuerConfig corp = sandbox.context().issuerEditor().add(new IssuerConfig(CORP, IssuerKind.GENERIC,
                URI.create("http://127.0.0.1:1/realm"), "client", null, null, null));
        IssuerRowModel row = row(corp, held);
        assertThat(row.editable()).isTrue();

        row.remove();
        Confirmation question = row.question();
        assertThat(question.text()).isEqualTo("Remove issuer corp? Its saved sign-in is forgotten.");
        assertThat(question.proceedAccessibleText()).isEqualTo("Remove issuer corp");
        assertThat(question.cancelAccessibleText()).isEqualTo("Keep issuer corp");
        row.answer(question, false);
        assertThat(row.question()).isNull();
        assertThat(held.size()).isZero();

        row.remove();
        row.answer(row.question(), true);
        assertThat(row.canEditOrRemove()).as("nothing else starts while it goes").isFalse();
        assertThat(row.canSignIn()).isFalse();
        held.runAll();
        assertThat(refreshes).containsExactly("read again");
        assertThat(sandbox.context().settings().load().issuer(CORP)).isEmpty();
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
        TokenSet tokens = sandbox.context().sessions().current("sandbox").orElseThrow();
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
        assertThat(row.status(sandbox.clock().instant())).isEqualTo("Not signed in");
        row.dispose();
        changes.clear();
        state.signedIn(tokens);
        assertThat(changes).as("a disposed row listens no more").isEmpty();
    }

    private IssuerRowModel sandboxRow(Executor background) {
        return row(sandbox.context().issuers().sandbox(), background);
    }

    private IssuerRowModel row(IssuerConfig issuer, Executor background) {
        return row(sandbox.context(), issuer, background);
    }

    private IssuerRowModel row(FedcredContext context, IssuerConfig issuer, Executor background) {
        return new IssuerRowModel(context, sandbox.server()::issuerUri, new ModelWork(background, Runnable::run), state,
                issuer, () -> refreshes.add("read again"));
    }
}
