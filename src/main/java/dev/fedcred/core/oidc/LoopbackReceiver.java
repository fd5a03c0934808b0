package dev.fedcred.core.oidc;

import dev.fedcred.core.FedcredException;
import dev.fedcred.core.text.OutsideText;
import java.io.IOException;
import java.net.BindException;
import java.net.InetSocketAddress;
import java.net.URI;
import java.net.URLDecoder;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.util.HashMap;
import java.util.Map;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.ExecutionException;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.TimeoutException;
import java.util.concurrent.atomic.AtomicBoolean;

/**
 * The redirect target of a native app (RFC 8252, section 7.3): an HTTP listener on 127.0.0.1
 * only, never on other interfaces, that takes exactly one authorization response. The first
 * GET of the redirect path decides the outcome (a code with the right state, the provider's
 * error, or a rejection); every later request is refused. Other local clients are served side
 * by side and cut off when they stall ({@link LoopbackHttpServer}), so none of them can hold the
 * sign-in until it times out. The port is always released.
 */
public final class LoopbackReceiver implements AutoCloseable {
    /**
     * What one local client may take: its whole request head must arrive within
     * {@code readTimeout} and fit in {@code maxRequestBytes}; at most {@code maxConnections} may
     * be sending at once (the oldest gives way to a newcomer).
     */
    record Limits(Duration readTimeout, int maxConnections, int maxRequestBytes) {
        /** A browser sends its request at once; 64 KiB leaves room for cookies other loopback apps set. */
        static final Limits DEFAULT = new Limits(Duration.ofSeconds(10), 16, 64 * 1024);
    }

    private final String path;
    private final String expectedState;
    private final String expectedIssuer;
    private final CompletableFuture<String> code = new CompletableFuture<>();
    private final AtomicBoolean answered = new AtomicBoolean();
    private LoopbackHttpServer server;

    private LoopbackReceiver(String path, String expectedState, String expectedIssuer) {
        this.path = path;
        this.expectedState = expectedState;
        this.expectedIssuer = expectedIssuer;
    }

    /**
     * Binds 127.0.0.1 on the spec's port (0 picks a free one) and starts listening.
     *
     * @param expectedIssuer the issuer, checked against an {@code iss} response parameter
     *                       (RFC 9207) when the provider sends one
     */
    public static LoopbackReceiver start(RedirectSpec spec, String expectedState, String expectedIssuer) {
        return start(spec, expectedState, expectedIssuer, Limits.DEFAULT);
    }

    static LoopbackReceiver start(RedirectSpec spec, String expectedState, String expectedIssuer, Limits limits) {
        LoopbackReceiver receiver = new LoopbackReceiver(spec.path(), expectedState, expectedIssuer);
        try {
            receiver.server = LoopbackHttpServer.start(spec.port(), limits, receiver::handle);
        } catch (BindException e) {
            throw new FedcredException("Port " + spec.port() + " on 127.0.0.1 is in use, and this issuer's"
                    + " redirect URI needs exactly that port. Close the program using it, or register a"
                    + " \"Desktop\" OAuth client, which accepts any port.", e);
        } catch (IOException e) {
            throw new FedcredException("Cannot listen on 127.0.0.1 for the browser's return: " + e.getMessage(), e);
        }
        return receiver;
    }

    /** The exact redirect URI to send to the provider, with the port actually bound. */
    public URI redirectUri() {
        return URI.create("http://127.0.0.1:" + port() + path);
    }

    public InetSocketAddress boundAddress() {
        return server.address();
    }

    public int port() {
        return server.address().getPort();
    }

    /**
     * Waits for the browser to come back and returns the authorization code.
     *
     * @throws SignInTimeoutException    when nothing valid arrived within {@code timeout}
     * @throws SignInCancelledException  when {@link #cancel()} was called
     * @throws ProviderErrorException    when the provider sent an error
     * @throws CallbackRejectedException when the response cannot belong to this sign-in
     */
    public String awaitCode(Duration timeout) {
        try {
            return code.get(timeout.toMillis(), TimeUnit.MILLISECONDS);
        } catch (TimeoutException e) {
            throw new SignInTimeoutException("No sign-in came back from the browser within "
                    + humanDuration(timeout) + ". Sign in again and finish in the browser sooner.");
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new SignInCancelledException("The sign-in was interrupted.");
        } catch (ExecutionException e) {
            if (e.getCause() instanceof RuntimeException failure) {
                throw failure;
            }
            throw new FedcredException("The sign-in failed: " + e.getCause(), e.getCause());
        } finally {
            close();
        }
    }

    /** Stops waiting: {@link #awaitCode} throws {@link SignInCancelledException}. */
    public void cancel() {
        code.completeExceptionally(new SignInCancelledException("The sign-in was cancelled."));
        close();
    }

    @Override
    public void close() {
        server.close();
    }

    private LoopbackHttpServer.Response handle(LoopbackHttpServer.Request request) {
        if (!path.equals(request.path())) {
            return page(404, "Not Found", "Not found", "This address only receives fedcred's sign-in.");
        }
        if (!"GET".equals(request.method())) {
            // a HEAD or another method never uses up the one callback a sign-in takes
            return page(405, "Method Not Allowed", "Not allowed",
                    "This address only receives fedcred's sign-in from your browser.").with("Allow", "GET");
        }
        if (!answered.compareAndSet(false, true)) {
            return page(400, "Bad Request", "Already used",
                    "This sign-in has already been answered. Return to fedcred; start a new sign-in there if needed.");
        }
        Outcome outcome = judge(parseQuery(request.rawQuery()));
        // the browser gets its page before the outcome is known, so closing the server cannot cut it off
        if (outcome.failure() == null) {
            return page(200, "OK", "Signed in", "You can close this tab and return to fedcred.")
                    .afterSent(() -> code.complete(outcome.code()));
        }
        return page(400, "Bad Request", "Sign-in failed", outcome.failure().getMessage() + " Return to fedcred.")
                .afterSent(() -> code.completeExceptionally(outcome.failure()));
    }

    private record Outcome(String code, RuntimeException failure) {
        static Outcome failed(RuntimeException failure) {
            return new Outcome(null, failure);
        }
    }

    private Outcome judge(Map<String, String> params) {
        String state = params.get("state");
        if (state == null || !state.equals(expectedState)) {
            return Outcome.failed(new CallbackRejectedException("The browser returned a response that does not"
                    + " belong to this sign-in (its state does not match). Nothing was accepted; sign in again."));
        }
        String issuer = params.get("iss");
        if (issuer != null && !issuer.equals(expectedIssuer)) {
            return Outcome.failed(new CallbackRejectedException("The browser returned a response from another"
                    + " issuer (\"" + OutsideText.shown(issuer) + "\"). Nothing was accepted; sign in again."));
        }
        if (params.containsKey("error")) {
            return Outcome.failed(new ProviderErrorException(params.get("error"), params.get("error_description")));
        }
        String value = params.get("code");
        if (value == null || value.isBlank()) {
            return Outcome.failed(new CallbackRejectedException("The browser returned without an authorization"
                    + " code. Nothing was accepted; sign in again."));
        }
        return new Outcome(value, null);
    }

    private static Map<String, String> parseQuery(String rawQuery) {
        Map<String, String> params = new HashMap<>();
        if (rawQuery == null || rawQuery.isEmpty()) {
            return params;
        }
        for (String pair : rawQuery.split("&")) {
            int eq = pair.indexOf('=');
            String name = decode(eq < 0 ? pair : pair.substring(0, eq));
            String value = eq < 0 ? "" : decode(pair.substring(eq + 1));
            params.putIfAbsent(name, value);
        }
        return params;
    }

    private static String decode(String text) {
        return URLDecoder.decode(text, StandardCharsets.UTF_8);
    }

    private static LoopbackHttpServer.Response page(int status, String reason, String title, String message) {
        return LoopbackHttpServer.Response.of(status, reason, "text/html; charset=utf-8",
                CallbackPage.render(title, message).getBytes(StandardCharsets.UTF_8))
                .with("Referrer-Policy", "no-referrer");
    }

    private static String humanDuration(Duration duration) {
        long seconds = duration.toSeconds();
        return seconds % 60 == 0 && seconds >= 60 ? (seconds / 60) + " minutes" : seconds + " seconds";
    }
}
