package dev.fedcred.core.oidc;

import com.nimbusds.oauth2.sdk.device.DeviceCode;
import com.nimbusds.oauth2.sdk.device.DeviceCodeGrant;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.util.concurrent.CountDownLatch;

/**
 * A device sign-in (RFC 8628) waiting for the user to enter the code on another computer. Show
 * {@link #prompt()}, then call {@link #complete()} on a background thread: it polls the token
 * endpoint at the issuer's interval until the user approves, denies or the code expires;
 * {@link #cancel()} from any thread ends the wait at once.
 */
public final class PendingDeviceSignIn {
    /** RFC 8628 section 3.5: each slow_down adds five seconds to the interval, for good. */
    static final Duration SLOW_DOWN_STEP = Duration.ofSeconds(5);

    private final IssuerConfig issuer;
    private final DiscoveredProvider provider;
    private final DeviceCode deviceCode;
    private final DeviceCodePrompt prompt;
    private final SignInService service;
    private final PollPause pause;
    private final Clock clock;
    private final CountDownLatch cancelled = new CountDownLatch(1);
    private volatile Duration interval;

    PendingDeviceSignIn(IssuerConfig issuer, DiscoveredProvider provider, DeviceCode deviceCode,
                        DeviceCodePrompt prompt, Duration interval, SignInService service, PollPause pause,
                        Clock clock) {
        this.issuer = issuer;
        this.provider = provider;
        this.deviceCode = deviceCode;
        this.prompt = prompt;
        this.interval = interval;
        this.service = service;
        this.pause = pause;
        this.clock = clock;
    }

    public IssuerConfig issuer() {
        return issuer;
    }

    public DeviceCodePrompt prompt() {
        return prompt;
    }

    /** The current wait between polls: the issuer's interval, plus five seconds for each slow_down. */
    public Duration interval() {
        return interval;
    }

    /**
     * Polls until the issuer hands out tokens, then verifies the ID token exactly as the browser
     * sign-in does (signature, issuer, audience, authorized party, expiry), except the nonce: the
     * device grant has no authorization request to carry one, so there is none to compare.
     *
     * @throws DeviceCodeExpiredException when the code expired first (the issuer's expired_token, or
     *                                    its expires_in passed here)
     * @throws ProviderErrorException     when the user denied the sign-in (access_denied)
     * @throws SignInCancelledException   when {@link #cancel()} was called
     */
    public TokenSet complete() {
        DeviceCodeGrant grant = new DeviceCodeGrant(deviceCode);
        while (true) {
            Duration left = prompt.timeLeft(clock.instant());
            if (left.isZero()) {
                throw expired();
            }
            waitFor(interval.compareTo(left) < 0 ? interval : left);
            if (prompt.timeLeft(clock.instant()).isZero()) {
                throw expired();
            }
            TokenEndpointClient.Answer answer = service.tokens().ask(provider.metadata(), issuer, grant);
            if (answer.tokens() != null) {
                return service.signedIn(issuer, provider, answer.tokens(), null);
            }
            switch (answer.errorCode()) {
                case "authorization_pending" -> {
                    // the user has not answered yet: ask again after the interval
                }
                case "slow_down" -> interval = interval.plus(SLOW_DOWN_STEP);
                case "expired_token" -> throw expired();
                case "access_denied" -> throw new ProviderErrorException("access_denied", answer.error().getDescription());
                default -> throw TokenEndpointClient.rejection(answer.error());
            }
        }
    }

    /** Stops the wait; {@link #complete()} throws {@link SignInCancelledException}. Safe from any thread. */
    public void cancel() {
        cancelled.countDown();
    }

    private void waitFor(Duration duration) {
        try {
            if (pause.await(duration, cancelled)) {
                throw new SignInCancelledException("The sign-in was cancelled.");
            }
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new SignInCancelledException("The sign-in was interrupted.", e);
        }
    }

    private DeviceCodeExpiredException expired() {
        return new DeviceCodeExpiredException("The code " + prompt.shownUserCode() + " expired at "
                + Instant.ofEpochSecond(prompt.expiresAt().getEpochSecond()) + " before the sign-in to "
                + issuer.label() + " was approved. Start the device sign-in again and enter the new code sooner.");
    }
}
