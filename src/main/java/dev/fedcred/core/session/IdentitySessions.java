package dev.fedcred.core.session;

import dev.fedcred.core.oidc.IssuerConfig;
import dev.fedcred.core.oidc.PendingSignIn;
import dev.fedcred.core.oidc.SignInService;
import dev.fedcred.core.oidc.TokenSet;
import java.time.Duration;
import java.util.Optional;

/** Sign-in state per issuer: the flow, then the cache, so every front end behaves the same. */
public final class IdentitySessions {
    private final SignInService signIn;
    private final TokenCache cache;

    public IdentitySessions(SignInService signIn, TokenCache cache) {
        this.signIn = signIn;
        this.cache = cache;
    }

    public PendingSignIn begin(IssuerConfig issuer) {
        return signIn.begin(issuer);
    }

    /** Waits for the browser and keeps the verified tokens; only verified tokens are ever stored. */
    public TokenSet finish(PendingSignIn pending, Duration timeout) {
        TokenSet tokens = pending.complete(timeout);
        cache.save(tokens);
        return tokens;
    }

    public Optional<TokenSet> current(String issuerName) {
        return cache.load(issuerName);
    }

    public Optional<TokenSet> latest() {
        return cache.latest();
    }

    public TokenSet refresh(IssuerConfig issuer, TokenSet current) {
        TokenSet renewed = signIn.refresh(issuer, current);
        cache.save(renewed);
        return renewed;
    }

    public boolean signOut(String issuerName) {
        return cache.remove(issuerName);
    }
}
