package dev.fedcred.core.oidc;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import dev.fedcred.sandbox.SandboxOptions;
import dev.fedcred.sandbox.SandboxServer;
import dev.fedcred.testing.MutableClock;
import dev.fedcred.testing.SandboxSignIn;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.time.Duration;
import java.util.List;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.CopyOnWriteArrayList;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.ExecutionException;
import java.util.concurrent.TimeUnit;
import java.util.function.IntConsumer;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

/**
 * The device authorization grant (RFC 8628) over real HTTP against the sandbox issuer. The waits
 * between polls move a clock the sandbox shares instead of sleeping, so the sandbox judges "too
 * soon" and "expired" by the same time the client keeps, and every test runs in well under a second.
 */
class DeviceSignInTest {
    private static final Duration TIMEOUT = Duration.ofSeconds(10);

    private final MutableClock clock = new MutableClock();
    private final List<Duration> waits = new CopyOnWriteArrayList<>();
    /** Told the number of each wait, before the poll that follows it: where a test plays the user. */
    private volatile IntConsumer beforePoll = wait -> { };
    private SandboxServer sandbox;
    private SignInService service;

    @BeforeEach
    void start() throws Exception {
        sandbox = SandboxServer.start(SandboxOptions.defaults().withPort(0), clock);
        PollPause movingTheClock = (duration, cancelled) -> {
            waits.add(duration);
            clock.advance(duration);
            beforePoll.accept(waits.size());
            return cancelled.getCount() == 0;
        };
        service = new SignInService(new ProviderDiscovery(TIMEOUT), new TokenEndpointClient(TIMEOUT),
                new IdTokenVerifier(clock), clock, movingTheClock);
    }

    @AfterEach
    void stop() {
        sandbox.close();
    }

    private IssuerConfig issuer() {
        return SandboxSignIn.issuer(sandbox);
    }

    private static HttpResponse<String> get(URI uri) throws Exception {
        return HttpClient.newHttpClient().send(HttpRequest.newBuilder(uri).timeout(TIMEOUT).build(),
                HttpResponse.BodyHandlers.ofString());
    }

    /** The user on the verification page: opens the page with the code in it, then clicks a button. */
    private HttpResponse<String> decideOnThePage(DeviceCodePrompt prompt, String decision) throws Exception {
        HttpResponse<String> page = get(prompt.verificationUriComplete());
        assertThat(page.body()).contains(prompt.userCode()).contains("value=\"" + decision + "\"");
        String form = "user_code=" + prompt.userCode() + "&decision=" + decision;
        return HttpClient.newHttpClient().send(HttpRequest.newBuilder(sandbox.issuerUri().resolve("/device/decision"))
                        .header("Content-Type", "application/x-www-form-urlencoded")
                        .POST(HttpRequest.BodyPublishers.ofString(form)).timeout(TIMEOUT).build(),
                HttpResponse.BodyHandlers.ofString());
    }

    @Test
    void pollsAtTheIssuersIntervalUntilTheUserApprovesOnThePage() throws Exception {
        PendingDeviceSignIn pending = service.beginDevice(issuer());
        DeviceCodePrompt prompt = pending.prompt();
        assertThat(prompt.userCode()).matches("[B-Z]{4}-[B-Z]{4}");
        assertThat(prompt.verificationUri()).isEqualTo(sandbox.issuerUri().resolve("/device"));
        assertThat(prompt.timeLeft(clock.instant())).isBetween(Duration.ofMinutes(9), Duration.ofMinutes(10));
        beforePoll = wait -> {
            if (wait == 3) {
                try {
                    assertThat(decideOnThePage(prompt, "approve").body()).contains("Return to your device");
                } catch (Exception e) {
                    throw new AssertionError(e);
                }
            }
        };

        TokenSet tokens = pending.complete();

        // two authorization_pending answers, then the tokens; 5 s is the sandbox's interval, RFC 8628's default
        assertThat(waits).containsExactly(Duration.ofSeconds(5), Duration.ofSeconds(5), Duration.ofSeconds(5));
        assertThat(tokens.claims()).containsEntry("iss", sandbox.issuerUri().toString())
                .containsEntry("aud", "fedcred-sandbox").doesNotContainKey("nonce");
        assertThat(tokens.hasRefreshToken()).isTrue();
        // a refresh token from the device grant renews like one from the browser sign-in
        assertThat(service.refresh(issuer(), tokens).subject()).isEqualTo(tokens.subject());
    }

    @Test
    void slowDownAddsFiveSecondsToEveryWaitAfterIt() {
        sandbox.deviceCodes().setInterval(Duration.ofSeconds(2));
        PendingDeviceSignIn pending = service.beginDevice(issuer());
        sandbox.deviceCodes().slowDownNext();
        beforePoll = wait -> {
            if (wait == 3) {
                sandbox.deviceCodes().approveAll();
            }
        };

        pending.complete();

        assertThat(waits).containsExactly(Duration.ofSeconds(2), Duration.ofSeconds(7), Duration.ofSeconds(7));
        assertThat(pending.interval()).isEqualTo(Duration.ofSeconds(7));
    }

    @Test
    void aClientThatPollsTooSoonIsToldToSlowDownByTheSandbox() {
        sandbox.deviceCodes().setInterval(Duration.ofSeconds(3));
        // a client that ignores the interval: polls one second after each answer, twice, then gives up
        SignInService hasty = new SignInService(new ProviderDiscovery(TIMEOUT), new TokenEndpointClient(TIMEOUT),
                new IdTokenVerifier(clock), clock, (duration, cancelled) -> {
            waits.add(duration);
            clock.advance(Duration.ofSeconds(1));
            return waits.size() == 3;
        });
        PendingDeviceSignIn rushed = hasty.beginDevice(issuer());

        assertThatThrownBy(rushed::complete).isInstanceOf(SignInCancelledException.class);

        // the first poll is on time (there was none before it); the second, 1 s later, gets slow_down
        assertThat(waits).containsExactly(Duration.ofSeconds(3), Duration.ofSeconds(3), Duration.ofSeconds(8));
        assertThat(rushed.interval()).isEqualTo(Duration.ofSeconds(8));
    }

    @Test
    void aCodeThatExpiresAtTheIssuerEndsTheWaitWithWhatToDo() {
        PendingDeviceSignIn pending = service.beginDevice(issuer());
        beforePoll = wait -> {
            if (wait == 2) {
                sandbox.deviceCodes().expireAll();
            }
        };

        assertThatThrownBy(pending::complete).isInstanceOf(DeviceCodeExpiredException.class)
                .isInstanceOf(SignInTimeoutException.class)
                .hasMessageContaining("The code " + pending.prompt().userCode() + " expired")
                .hasMessageContaining("Start the device sign-in again");
        assertThat(waits).hasSize(2);
    }

    @Test
    void theCodesLifetimeBoundsTheWaitEvenIfTheIssuerNeverSaysExpired() {
        sandbox.deviceCodes().setLifetime(Duration.ofSeconds(12));
        PendingDeviceSignIn pending = service.beginDevice(issuer());

        assertThatThrownBy(pending::complete).isInstanceOf(DeviceCodeExpiredException.class);
        // two polls at 5 and 10 s, then what is left of the 12 s (real time passes too), and no poll after
        assertThat(waits).hasSize(3).startsWith(Duration.ofSeconds(5), Duration.ofSeconds(5));
        assertThat(waits.get(2)).isBetween(Duration.ofSeconds(1), Duration.ofSeconds(2));
    }

    @Test
    void aDenialOnThePageEndsTheSignInAsDeclined() {
        PendingDeviceSignIn pending = service.beginDevice(issuer());
        beforePoll = wait -> {
            try {
                assertThat(decideOnThePage(pending.prompt(), "deny").body()).contains("Sign-in denied");
            } catch (Exception e) {
                throw new AssertionError(e);
            }
        };

        assertThatThrownBy(pending::complete).isInstanceOf(ProviderErrorException.class)
                .hasMessageContaining("access_denied").hasMessageContaining("sign in again and approve it");
    }

    @Test
    void cancelEndsTheRealWaitAtOnce() throws Exception {
        CountDownLatch asleep = new CountDownLatch(1);
        // the real sleep, told when it starts so the test cancels in the middle of it, not before
        PollPause realSleep = (duration, cancelled) -> {
            asleep.countDown();
            return PollPause.SLEEP.await(duration, cancelled);
        };
        SignInService sleeping = new SignInService(new ProviderDiscovery(TIMEOUT), new TokenEndpointClient(TIMEOUT),
                new IdTokenVerifier(clock), clock, realSleep);
        PendingDeviceSignIn pending = sleeping.beginDevice(issuer());
        CompletableFuture<TokenSet> waiting = CompletableFuture.supplyAsync(pending::complete);
        assertThat(asleep.await(10, TimeUnit.SECONDS)).isTrue();
        long start = System.nanoTime();

        pending.cancel();

        assertThatThrownBy(() -> waiting.get(2, TimeUnit.SECONDS)).isInstanceOf(ExecutionException.class)
                .hasCauseInstanceOf(SignInCancelledException.class);
        assertThat(Duration.ofNanos(System.nanoTime() - start)).isLessThan(Duration.ofSeconds(1));
    }

    @Test
    void anIssuerWithoutADeviceEndpointIsToldApartWithTheSshRecipe() {
        sandbox.deviceCodes().setOffered(false);

        assertThatThrownBy(() -> service.beginDevice(issuer())).isInstanceOf(DeviceSignInUnsupportedException.class)
                .hasMessageContaining("does not offer the device sign-in")
                .hasMessageContaining("device_authorization_endpoint")
                .hasMessageContaining("ssh -L 8400:127.0.0.1:8400")
                .hasMessageContaining("fedcred login --issuer sandbox --no-browser --port 8400");
    }

    @Test
    void anIdTokenForAnotherAudienceIsRefusedAsInTheBrowserSignIn() {
        sandbox.deviceCodes().setInterval(Duration.ofSeconds(1));
        PendingDeviceSignIn pending = service.beginDevice(issuer());
        sandbox.deviceCodes().approveAll();
        sandbox.deviceCodes().idTokenForAudienceNext("someone-else");

        assertThatThrownBy(pending::complete).isInstanceOf(IdTokenRejectedException.class)
                .hasMessageContaining("someone-else")
                .extracting(e -> ((IdTokenRejectedException) e).reason())
                .isEqualTo(IdTokenRejectedException.Reason.WRONG_AUDIENCE);
    }
}
