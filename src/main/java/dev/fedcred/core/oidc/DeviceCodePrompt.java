package dev.fedcred.core.oidc;

import dev.fedcred.core.text.OutsideText;
import java.net.URI;
import java.time.Duration;
import java.time.Instant;
import java.util.Optional;

/**
 * What the user needs to approve a device sign-in on another computer (RFC 8628 section 3.3): the
 * page to visit, the code to enter there, and when the code stops working. The device code itself
 * stays inside {@link PendingDeviceSignIn}. The page and code are the issuer's words: show them
 * through the {@code shown...} methods, which neutralise control and bidi characters.
 *
 * @param verificationUriComplete the page with the code already filled in; null when the issuer sent none
 */
public record DeviceCodePrompt(String userCode, URI verificationUri, URI verificationUriComplete, Instant expiresAt) {

    public String shownUserCode() {
        return OutsideText.shown(userCode);
    }

    public String shownVerificationUri() {
        return OutsideText.shown(verificationUri.toString());
    }

    public Optional<String> shownVerificationUriComplete() {
        return Optional.ofNullable(verificationUriComplete).map(uri -> OutsideText.shown(uri.toString()));
    }

    public Duration timeLeft(Instant now) {
        Duration left = Duration.between(now, expiresAt);
        return left.isNegative() ? Duration.ZERO : left;
    }
}
