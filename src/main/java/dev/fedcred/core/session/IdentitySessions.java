package dev.fedcred.core.session;

import dev.fedcred.core.oidc.IssuerConfig;
import dev.fedcred.core.oidc.PendingDeviceSignIn;
import dev.fedcred.core.oidc.PendingSignIn;
import dev.fedcred.core.oidc.SignInService;
import dev.fedcred.core.oidc.TokenRequestException;
import dev.fedcred.core.oidc.TokenSet;
import java.time.Duration;
import java.time.Instant;
import java.util.List;
import java.util.Optional;
import java.util.concurrent.CopyOnWriteArrayList;
import java.util.function.Supplier;

/** Sign-in state per issuer: the flow, then the cache, so every front end behaves the same. */
public final class IdentitySessions {
    private static final Duration FRESH_TOKEN_MINIMUM = Duration.ofSeconds(10);

    /** Told of every token set stored and every sign-out, e.g. to keep copies of the ID token fresh. */
    public interface Listener {
        void tokensSaved(TokenSet tokens);

        void signedOut(String issuerName);
    }

    /** Built on the first sign-in or renewal: reading the cache needs none of the OIDC machinery. */
    private final Supplier<SignInService> signIn;
    private final TokenCache cache;
    private final List<Listener> listeners = new CopyOnWriteArrayList<>();

    public IdentitySessions(Supplier<SignInService> signIn, TokenCache cache) {
        this.signIn = signIn;
        this.cache = cache;
    }

    public void addListener(Listener listener) {
        listeners.add(listener);
    }

    public PendingSignIn begin(IssuerConfig issuer) {
        return signIn.get().begin(issuer);
    }

    /** Waits for the browser and keeps the verified tokens; only verified tokens are ever stored. */
    public TokenSet finish(PendingSignIn pending, Duration timeout) {
        TokenSet tokens = pending.complete(timeout);
        save(tokens);
        return tokens;
    }

    /** Starts a device sign-in (RFC 8628): a code the user enters on another computer. */
    public PendingDeviceSignIn beginDevice(IssuerConfig issuer) {
        return signIn.get().beginDevice(issuer);
    }

    /** Whether the issuer's discovery document lists a device_authorization_endpoint (asks the issuer). */
    public boolean offersDeviceSignIn(IssuerConfig issuer) {
        return signIn.get().offersDeviceSignIn(issuer);
    }

    /** Waits for the user to approve the code and keeps the verified tokens, as {@link #finish} does. */
    public TokenSet finishDevice(PendingDeviceSignIn pending) {
        TokenSet tokens = pending.complete();
        save(tokens);
        return tokens;
    }

    public Optional<TokenSet> current(String issuerName) {
        return cache.load(issuerName);
    }

    public Optional<TokenSet> latest() {
        return cache.latest();
    }

    /**
     * An ID token with at least {@code minimumLeft} before it expires: the cached one, else one
     * renewed through the refresh token without a browser.
     *
     * @throws SignInRequiredException when only a browser sign-in can help
     */
    public TokenSet usableTokens(IssuerConfig issuer, Duration minimumLeft, Instant now) {
        TokenSet cached = cache.load(issuer.name()).orElseThrow(() ->
                new SignInRequiredException(issuer.name(), "You are not signed in to " + issuer.label() + "."));
        if (cached.timeLeft(now).compareTo(minimumLeft) >= 0) {
            return cached;
        }
        if (!cached.hasRefreshToken()) {
            throw new SignInRequiredException(issuer.name(), "The ID token from " + issuer.label()
                    + " has expired or is about to, and there is no refresh token to renew it.");
        }
        TokenSet renewed;
        try {
            renewed = refresh(issuer, cached);
        } catch (TokenRequestException e) {
            throw new SignInRequiredException(issuer.name(), "Renewing the ID token from " + issuer.label()
                    + " failed: " + e.getMessage(), e);
        }
        // a fresh token is as good as the issuer gives; it only has to outlive the call it is for
        if (renewed.timeLeft(now).compareTo(FRESH_TOKEN_MINIMUM) < 0) {
            throw new SignInRequiredException(issuer.name(), issuer.label()
                    + " renewed the session without a new ID token, and the current one has expired.");
        }
        return renewed;
    }

    public TokenSet refresh(IssuerConfig issuer, TokenSet current) {
        TokenSet renewed = signIn.get().refresh(issuer, current);
        save(renewed);
        return renewed;
    }

    public boolean signOut(String issuerName) {
        boolean removed = cache.remove(issuerName);
        listeners.forEach(listener -> listener.signedOut(issuerName));
        return removed;
    }

    private void save(TokenSet tokens) {
        cache.save(tokens);
        listeners.forEach(listener -> listener.tokensSaved(tokens));
    }
}
