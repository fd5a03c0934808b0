package dev.fedcred.ui.issuers;

import dev.fedcred.FedcredContext;
import dev.fedcred.core.FedcredException;
import dev.fedcred.core.oidc.IssuerConfig;
import dev.fedcred.core.oidc.PendingSignIn;
import dev.fedcred.core.oidc.SignInCancelledException;
import dev.fedcred.core.oidc.SignInService;
import dev.fedcred.core.oidc.TokenSet;
import java.io.IOException;
import java.net.URI;
import java.util.concurrent.atomic.AtomicReference;

/**
 * One browser sign-in, run on a background thread: start the sandbox if needed, begin the flow,
 * open the browser, then block until the browser comes back with a verified ID token. What it
 * is doing goes to {@link Progress} from that thread; {@link #cancel()} works from any thread.
 */
public final class SignInAttempt {
    public static final String WAITING_FOR_BROWSER = "Waiting for the browser…";

    /** Hears, on the background thread, what the sign-in is doing. */
    public interface Progress {
        void message(String text);

        /**
         * No browser could be opened: the user must open {@code uri} by hand, or sign in with a code
         * at {@code codeSignIn} (the issuer where it really answers) when that is not null.
         */
        void openByHand(URI uri, IssuerConfig codeSignIn);
    }

    private final FedcredContext context;
    private final IssuerConfig issuer;
    private final SandboxStarter sandbox;
    private final Progress progress;
    private final AtomicReference<PendingSignIn> pending = new AtomicReference<>();
    private volatile boolean cancelRequested;

    public SignInAttempt(FedcredContext context, IssuerConfig issuer, SandboxStarter sandbox, Progress progress) {
        this.context = context;
        this.issuer = issuer;
        this.sandbox = sandbox;
        this.progress = progress;
    }

    Progress progress() {
        return progress;
    }

    /** Blocks until the sign-in is done, failed or cancelled. */
    public TokenSet run() {
        if (issuer.isSandbox()) {
            progress.message("Starting the sandbox…");
        }
        IssuerConfig target = answering(issuer, sandbox);
        progress.message("Contacting " + issuer.label() + "…");
        try (PendingSignIn signIn = context.sessions().begin(target)) {
            pending.set(signIn);
            // cancel() may have run before there was anything to cancel; honour it now
            if (cancelRequested) {
                throw new SignInCancelledException("The sign-in was cancelled.");
            }
            URI authorization = signIn.authorizationUri();
            if (!context.browser().open(authorization)) {
                progress.openByHand(authorization, signIn.offersDeviceSignIn() ? signIn.issuer() : null);
            }
            progress.message(WAITING_FOR_BROWSER);
            return context.sessions().finish(signIn, SignInService.DEFAULT_TIMEOUT);
        }
    }

    /** Stops waiting for the browser; safe from any thread, at any point of the flow. */
    public void cancel() {
        cancelRequested = true;
        PendingSignIn signIn = pending.get();
        if (signIn != null) {
            signIn.cancel();
        }
    }

    /** Where {@code issuer} really answers: for the sandbox, where it runs (started now if it was not). */
    static IssuerConfig answering(IssuerConfig issuer, SandboxStarter sandbox) {
        return issuer.isSandbox() ? at(issuer, startSandbox(sandbox)) : issuer;
    }

    private static URI startSandbox(SandboxStarter sandbox) {
        try {
            return sandbox.ensureRunning();
        } catch (IOException e) {
            throw new FedcredException("Cannot start the sandbox issuer: " + e.getMessage()
                    + ". Check that nothing else uses its port, then try again.", e);
        }
    }

    /** The sandbox may answer elsewhere than the configured URL; sign in where it really is. */
    private static IssuerConfig at(IssuerConfig issuer, URI runningAt) {
        if (runningAt == null || runningAt.equals(issuer.issuer())) {
            return issuer;
        }
        return new IssuerConfig(issuer.name(), issuer.kind(), runningAt, issuer.clientId(), issuer.clientSecret(),
                issuer.scopes(), issuer.redirect());
    }
}
