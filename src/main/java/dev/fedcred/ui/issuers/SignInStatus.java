package dev.fedcred.ui.issuers;

import dev.fedcred.core.oidc.TokenSet;
import dev.fedcred.core.text.OutsideText;
import dev.fedcred.ui.fx.TimeText;
import java.time.Instant;

/** The one-line sign-in state an issuer row shows. */
public final class SignInStatus {
    static final String NOT_SIGNED_IN = "Not signed in";
    public static final String EXPIRED = "Expired";

    private SignInStatus() {
    }

    static String describe(TokenSet tokens, Instant now) {
        if (tokens == null) {
            return NOT_SIGNED_IN;
        }
        if (tokens.isExpired(now)) {
            return EXPIRED;
        }
        return "Signed in as " + who(tokens) + ", " + TimeText.hoursMinutesSeconds(tokens.timeLeft(now)) + " left";
    }

    /** The most human name the token offers; {@code sub} is always there as the last resort. */
    public static String who(TokenSet tokens) {
        for (String claim : new String[] {"email", "preferred_username", "name"}) {
            String value = tokens.stringClaim(claim);
            if (value != null && !value.isBlank()) {
                return OutsideText.shown(value);
            }
        }
        return OutsideText.shown(tokens.subject());
    }
}
