package dev.fedcred.cli;

import dev.fedcred.core.oidc.IssuerConfig;
import dev.fedcred.core.oidc.TokenSet;
import dev.fedcred.core.text.OutsideText;
import dev.fedcred.core.text.TimeLeft;
import java.time.Instant;

/** One-line human descriptions of a token set. */
final class TokenSummary {
    private TokenSummary() {
    }

    static String signedIn(IssuerConfig issuer, TokenSet tokens, Instant now) {
        // claims are the issuer's words: an email may carry escape sequences meant for this terminal
        String who = OutsideText.shown(tokens.stringClaim("email") != null ? tokens.stringClaim("email") : tokens.subject());
        return "Signed in to " + OutsideText.neutralise(issuer.label()) + " as " + who + "; ID token valid until " + tokens.expiresAt()
                + " (" + TimeLeft.of(tokens.timeLeft(now)) + " left)"
                + (tokens.hasRefreshToken() ? ", renewable without a browser." : ".");
    }
}
