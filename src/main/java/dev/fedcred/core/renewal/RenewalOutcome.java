package dev.fedcred.core.renewal;

import dev.fedcred.core.FedcredException;
import dev.fedcred.core.session.BrowserSignIn;
import java.time.Instant;

/**
 * What one renewal did: a session (an issuer's ID token, or a target's credentials) renewed
 * until {@code renewedUntil}, or failed. A failure that only a browser sign-in can fix is the
 * one the app turns into a notification with a one-click sign-in.
 */
public record RenewalOutcome(Kind kind, String name, Instant renewedUntil, FedcredException failure) {

    public enum Kind { ID_TOKEN, TARGET }

    static RenewalOutcome renewed(Kind kind, String name, Instant until) {
        return new RenewalOutcome(kind, name, until, null);
    }

    static RenewalOutcome failed(Kind kind, String name, FedcredException failure) {
        return new RenewalOutcome(kind, name, null, failure);
    }

    public boolean succeeded() {
        return failure == null;
    }

    public boolean needsBrowserSignIn() {
        return failure != null && BrowserSignIn.isNeededFor(failure);
    }
}
