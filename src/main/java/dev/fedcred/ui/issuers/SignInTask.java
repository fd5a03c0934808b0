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
import javafx.application.Platform;
import javafx.beans.property.ReadOnlyObjectProperty;
import javafx.beans.property.ReadOnlyObjectWrapper;
import javafx.concurrent.Task;

/**
 * One browser sign-in, off the FX thread: start the sandbox if needed, begin the flow, open the
 * browser, then block until the browser comes back with a verified ID token.
 */
public final class SignInTask extends Task<TokenSet> {
    public static final String WAITING_FOR_BROWSER = "Waiting for the browser…";

    private final FedcredContext context;
    private final IssuerConfig issuer;
    private final SandboxStarter sandbox;
    private final ReadOnlyObjectWrapper<URI> urlToOpenByHand = new ReadOnlyObjectWrapper<>();
    private final ReadOnlyObjectWrapper<IssuerConfig> codeSignIn = new ReadOnlyObjectWrapper<>();
    private final AtomicReference<PendingSignIn> pending = new AtomicReference<>();
    private volatile boolean cancelRequested;

    SignInTask(FedcredContext context, IssuerConfig issuer, SandboxStarter sandbox) {
        this.context = context;
        this.issuer = issuer;
        this.sandbox = sandbox;
    }

    /** Set (on the FX thread) when no browser could be opened and the user must open the URL. */
    ReadOnlyObjectProperty<URI> urlToOpenByHandProperty() {
        return urlToOpenByHand.getReadOnlyProperty();
    }

    /**
     * Set (on the FX thread, just before {@link #urlToOpenByHandProperty}) when no browser could be
     * opened and the issuer offers the device sign-in: the issuer where it really answers.
     */
    ReadOnlyObjectProperty<IssuerConfig> codeSignInProperty() {
        return codeSignIn.getReadOnlyProperty();
    }

    @Override
    protected TokenSet call() throws Exception {
        IssuerConfig target = issuer;
        if (issuer.isSandbox()) {
            updateMessage("Starting the sandbox…");
            target = at(issuer, startSandbox());
        }
        updateMessage("Contacting " + issuer.label() + "…");
        try (PendingSignIn signIn = context.sessions().begin(target)) {
            pending.set(signIn);
            // cancel() may have run before there was anything to cancel; honour it now
            if (cancelRequested) {
                throw new SignInCancelledException("The sign-in was cancelled.");
            }
            URI authorization = signIn.authorizationUri();
            if (!context.browser().open(authorization)) {
                IssuerConfig withCode = signIn.offersDeviceSignIn() ? signIn.issuer() : null;
                Platform.runLater(() -> {
                    codeSignIn.set(withCode);
                    urlToOpenByHand.set(authorization);
                });
            }
            updateMessage(WAITING_FOR_BROWSER);
            return context.sessions().finish(signIn, SignInService.DEFAULT_TIMEOUT);
        }
    }

    /** Stops waiting for the browser; safe from any thread, at any point of the flow. */
    void cancelSignIn() {
        cancelRequested = true;
        PendingSignIn signIn = pending.get();
        if (signIn != null) {
            signIn.cancel();
        }
    }

    private URI startSandbox() {
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
