package dev.fedcred.ui.issuers;

import dev.fedcred.FedcredContext;
import dev.fedcred.core.oidc.DeviceCodePrompt;
import dev.fedcred.core.oidc.IssuerConfig;
import dev.fedcred.core.oidc.PendingDeviceSignIn;
import dev.fedcred.core.oidc.SignInCancelledException;
import dev.fedcred.core.oidc.TokenSet;
import java.util.concurrent.atomic.AtomicReference;
import javafx.application.Platform;
import javafx.beans.property.ReadOnlyObjectProperty;
import javafx.beans.property.ReadOnlyObjectWrapper;
import javafx.concurrent.Task;

/**
 * One device sign-in (OAuth device grant), off the FX thread: ask the issuer for a code, publish
 * it for the dialog to show, then wait until the user approves it elsewhere, it expires or it is
 * cancelled.
 */
final class DeviceSignInTask extends Task<TokenSet> {
    static final String WAITING = "Waiting for you to approve the code…";

    private final FedcredContext context;
    private final IssuerConfig issuer;
    private final ReadOnlyObjectWrapper<DeviceCodePrompt> prompt = new ReadOnlyObjectWrapper<>();
    private final AtomicReference<PendingDeviceSignIn> pending = new AtomicReference<>();
    private volatile boolean cancelRequested;

    /** @param issuer where the issuer really answers (for the sandbox, where it was started) */
    DeviceSignInTask(FedcredContext context, IssuerConfig issuer) {
        this.context = context;
        this.issuer = issuer;
    }

    /** Set on the FX thread once the issuer has given a code. */
    ReadOnlyObjectProperty<DeviceCodePrompt> promptProperty() {
        return prompt.getReadOnlyProperty();
    }

    @Override
    protected TokenSet call() {
        updateMessage("Asking " + issuer.label() + " for a code…");
        PendingDeviceSignIn signIn = context.sessions().beginDevice(issuer);
        pending.set(signIn);
        // cancel() may have run before there was anything to cancel; honour it now
        if (cancelRequested) {
            throw new SignInCancelledException("The sign-in was cancelled.");
        }
        Platform.runLater(() -> prompt.set(signIn.prompt()));
        updateMessage(WAITING);
        return context.sessions().finishDevice(signIn);
    }

    /** Stops waiting; safe from any thread, at any point of the flow. */
    void cancelSignIn() {
        cancelRequested = true;
        PendingDeviceSignIn signIn = pending.get();
        if (signIn != null) {
            signIn.cancel();
        }
    }
}
