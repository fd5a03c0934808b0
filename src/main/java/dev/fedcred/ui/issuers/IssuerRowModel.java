package dev.fedcred.ui.issuers;

import dev.fedcred.FedcredContext;
import dev.fedcred.core.oidc.IssuerConfig;
import dev.fedcred.core.oidc.SignInCancelledException;
import dev.fedcred.core.oidc.TokenSet;
import dev.fedcred.core.text.OutsideText;
import dev.fedcred.ui.fx.Confirmation;
import dev.fedcred.ui.fx.ChangeListeners;
import dev.fedcred.ui.fx.ModelWork;
import dev.fedcred.ui.fx.UserMessages;
import dev.fedcred.ui.state.WindowState;
import java.net.URI;
import java.time.Instant;
import java.util.List;
import java.util.Optional;
import javafx.beans.value.ChangeListener;
import javafx.collections.MapChangeListener;
import javafx.scene.control.ButtonBar;
import javafx.scene.control.ButtonType;

/**
 * What one issuer's row shows and does, without a node: the sign-in waiting for the browser (its
 * message, a URL to open by hand), the last notice or error, the removal and its question, which
 * actions are possible, and the sign-in status at any instant. {@link IssuerRow} draws it and
 * redraws on every {@link #onChange change}; the model also hears the window's tokens and whose
 * claims show. One thread at a time touches it: the foreground one of its {@link ModelWork}.
 */
public final class IssuerRowModel {
    public static final String SIGN_IN_CANCELLED = "Sign-in cancelled";
    public static final String WAITING_FOR_BROWSER = SignInAttempt.WAITING_FOR_BROWSER;
    public static final ButtonType REMOVE = new ButtonType("Remove", ButtonBar.ButtonData.OK_DONE);

    /** What the row knows of the issuer's device sign-in, offered as a standing choice next to Sign in. */
    public enum CodeOffer { NOT_ASKED, ASKING, OFFERED, NOT_OFFERED, UNREACHABLE }

    /** How the status line looks: signed in, expired, or neither. */
    public enum Level { NONE, SIGNED_IN, EXPIRED }

    private final FedcredContext context;
    private final SandboxStarter sandbox;
    private final ModelWork work;
    private final WindowState state;
    private final IssuerConfig issuer;
    /** Runs after the settings changed here (the issuer was removed), so the window reads them again. */
    private final Runnable settingsChanged;
    private final ChangeListeners listeners = new ChangeListeners();
    // change listeners, not invalidation ones: a property nobody read since its last change stays quiet
    private final MapChangeListener<String, TokenSet> tokensChanged = change -> changed();
    private final ChangeListener<String> shownChanged = (observable, before, shown) -> changed();

    /** The sign-in waiting for the browser; null when idle. */
    private SignInAttempt attempt;
    private String waitingMessage;
    private URI openByHand;
    /** Where a sign-in with a code can be had instead of the browser's; null when none is offered. */
    private IssuerConfig codeSignIn;
    /** Whether the issuer's discovery lists a device_authorization_endpoint, asked when the sign-in menu first opens. */
    private CodeOffer codeOffer = CodeOffer.NOT_ASKED;
    /** Where the standing sign-in with a code is had, once {@link CodeOffer#OFFERED}. */
    private IssuerConfig codeOfferedAt;
    private String notice;
    private String error;
    private boolean removing;
    private Confirmation question;

    public IssuerRowModel(FedcredContext context, SandboxStarter sandbox, ModelWork work, WindowState state,
                          IssuerConfig issuer, Runnable settingsChanged) {
        this.context = context;
        this.sandbox = sandbox;
        this.work = work;
        this.state = state;
        this.issuer = issuer;
        this.settingsChanged = settingsChanged;
        state.tokens().addListener(tokensChanged);
        state.shownIssuerProperty().addListener(shownChanged);
    }

    /** {@code listener} runs after every change of what the row shows. */
    void onChange(Runnable listener) {
        listeners.add(listener);
    }

    public IssuerConfig issuer() {
        return issuer;
    }

    /** The row leaves the list: stop any sign-in and stop listening to the window's state. */
    public void dispose() {
        cancel();
        state.tokens().removeListener(tokensChanged);
        state.shownIssuerProperty().removeListener(shownChanged);
        listeners.clear();
    }

    // ---- what shows

    /** "Signed in as …, 0:42:10 left", "Expired" or "Not signed in" at {@code now}. */
    String status(Instant now) {
        return SignInStatus.describe(tokens().orElse(null), now);
    }

    Level level(Instant now) {
        Optional<TokenSet> tokens = tokens();
        if (tokens.isEmpty()) {
            return Level.NONE;
        }
        return tokens.get().isExpired(now) ? Level.EXPIRED : Level.SIGNED_IN;
    }

    /** The issuer's URL as the row shows it. */
    String url() {
        return OutsideText.neutralise(issuer.issuer().toString());
    }

    /** Whether its claims are the ones the window shows. */
    boolean selected() {
        return issuer.name().equals(state.shownIssuerProperty().get());
    }

    /** "Show claims" is offered for a sign-in whose claims are not already showing. */
    boolean canShowClaims() {
        return tokens().isPresent() && !selected();
    }

    boolean waiting() {
        return attempt != null;
    }

    /** What the waiting sign-in is doing; null before it says. */
    String waitingMessage() {
        return waitingMessage;
    }

    /** The sign-in URL to open by hand when no browser opened; null otherwise. */
    URI openByHand() {
        return openByHand;
    }

    /** Where to sign in with a code instead, offered with {@link #openByHand()}; null when the issuer has no such sign-in. */
    IssuerConfig codeSignIn() {
        return codeSignIn;
    }

    CodeOffer codeOffer() {
        return codeOffer;
    }

    String notice() {
        return notice;
    }

    String error() {
        return error;
    }

    /** The question the user has not answered yet; null when none waits. */
    Confirmation question() {
        return question;
    }

    // ---- which actions are possible

    boolean canSignIn() {
        return attempt == null && !removing;
    }

    /** The built-in sandbox is neither edited nor removed. */
    boolean editable() {
        return !issuer.isSandbox();
    }

    boolean canEditOrRemove() {
        return editable() && !removing;
    }

    // ---- the actions

    void showClaims() {
        state.show(issuer.name());
    }

    /** Starts a browser sign-in; a second click while one is waiting does nothing. */
    public void signIn() {
        if (!canSignIn()) {
            return;
        }
        notice = null;
        error = null;
        waitingMessage = null;
        SignInAttempt started = new SignInAttempt(context, issuer, sandbox, new SignInAttempt.Progress() {
            @Override
            public void message(String text) {
                work.report(() -> whileWaiting(this, () -> waitingMessage = text));
            }

            @Override
            public void openByHand(URI uri, IssuerConfig withCode) {
                work.report(() -> whileWaiting(this, () -> {
                    openByHand = uri;
                    codeSignIn = withCode;
                }));
            }
        });
        attempt = started;
        changed();
        work.run(started::run, tokens -> signedIn(started, tokens), failure -> failed(started, failure));
    }

    /** Stops waiting at once; the background flow winds down on its own. */
    public void cancel() {
        SignInAttempt cancelled = attempt;
        if (cancelled == null) {
            return;
        }
        endAttempt();
        cancelled.cancel();
        notice = SIGN_IN_CANCELLED;
        changed();
    }

    /**
     * No browser opened: stops waiting for it, without a notice, and gives the issuer to sign in to
     * with a code instead; null when no such sign-in is offered now.
     */
    IssuerConfig signInWithCodeInstead() {
        IssuerConfig at = codeSignIn;
        if (attempt == null || at == null) {
            return null;
        }
        stopWaitingForBrowser();
        changed();
        return at;
    }

    /**
     * Asks the issuer's discovery document, off the FX thread, whether it offers the device sign-in
     * (for the sandbox, starting it first). Asked when the user opens the sign-in menu, not before:
     * a window with many issuers makes no calls until one is wanted. Asked again only after the
     * issuer could not be reached.
     */
    void askForCodeOffer() {
        if (codeOffer != CodeOffer.NOT_ASKED && codeOffer != CodeOffer.UNREACHABLE) {
            return;
        }
        codeOffer = CodeOffer.ASKING;
        changed();
        work.run(() -> {
            IssuerConfig at = SignInAttempt.answering(issuer, sandbox);
            return context.sessions().offersDeviceSignIn(at) ? at : null;
        }, at -> {
            codeOfferedAt = at;
            codeOffer = at == null ? CodeOffer.NOT_OFFERED : CodeOffer.OFFERED;
            changed();
        }, failure -> {
            codeOffer = CodeOffer.UNREACHABLE;
            changed();
        });
    }

    /**
     * The standing choice "Sign in with a code…": stops a browser sign-in still waiting and gives
     * the issuer to sign in to with a code; null unless the issuer offers it.
     */
    IssuerConfig signInWithCode() {
        if (codeOffer != CodeOffer.OFFERED || removing) {
            return null;
        }
        if (attempt != null) {
            stopWaitingForBrowser();
        }
        notice = null;
        error = null;
        changed();
        return codeOfferedAt;
    }

    /** A sign-in with a code finished: the row shows it as a browser sign-in's. */
    void signedInWithCode(TokenSet tokens) {
        notice = null;
        error = null;
        state.signedIn(tokens);
        changed();
    }

    /** Asks whether to remove the issuer; removes it (and signs it out) on yes. */
    void remove() {
        if (!canEditOrRemove()) {
            return;
        }
        question = new Confirmation("Remove issuer", "Remove issuer " + issuer.name()
                + "? Its saved sign-in is forgotten.", REMOVE, "Remove issuer " + issuer.name(),
                "Keep issuer " + issuer.name());
        changed();
    }

    /** The user's answer to {@code asked}; an answer to a question no longer waiting is ignored. */
    void answer(Confirmation asked, boolean proceed) {
        if (question == null || question != asked) {
            return;
        }
        question = null;
        if (proceed) {
            removeNow();
        }
        changed();
    }

    private void removeNow() {
        removing = true;
        error = null;
        work.run(() -> {
            context.issuerEditor().remove(issuer.name());
            return issuer;
        }, removed -> settingsChanged.run(), failure -> {
            removing = false;
            error = UserMessages.of(failure);
            changed();
        });
    }

    /** A sign-in that completes is real (its tokens are stored) even if Cancel came too late. */
    private void signedIn(SignInAttempt done, TokenSet tokens) {
        if (attempt == done) {
            endAttempt();
        }
        notice = null;
        state.signedIn(tokens);
        changed();
    }

    /** Cancelling is the user's own choice, not something that went wrong. */
    private void failed(SignInAttempt done, Throwable failure) {
        if (attempt != done) {
            return;
        }
        endAttempt();
        if (failure instanceof SignInCancelledException) {
            notice = SIGN_IN_CANCELLED;
        } else {
            error = UserMessages.of(failure);
        }
        changed();
    }

    /** What an attempt reports counts only while it is the one waiting. */
    private void whileWaiting(SignInAttempt.Progress from, Runnable step) {
        if (attempt != null && attempt.progress() == from) {
            step.run();
            changed();
        }
    }

    private void stopWaitingForBrowser() {
        SignInAttempt stopped = attempt;
        endAttempt();
        stopped.cancel();
    }

    private void endAttempt() {
        attempt = null;
        waitingMessage = null;
        openByHand = null;
        codeSignIn = null;
    }

    private Optional<TokenSet> tokens() {
        return state.tokens(issuer.name());
    }

    private void changed() {
        listeners.changed();
    }
}
