package dev.fedcred.core.oidc;

import com.sun.net.httpserver.HttpExchange;
import com.sun.net.httpserver.HttpServer;
import dev.fedcred.core.FedcredException;
import java.io.IOException;
import java.io.OutputStream;
import java.net.BindException;
import java.net.InetAddress;
import java.net.InetSocketAddress;
import java.net.URI;
import java.net.URLDecoder;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.util.HashMap;
import java.util.Map;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.ExecutionException;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.TimeoutException;
import java.util.concurrent.atomic.AtomicBoolean;

/**
 * The redirect target of a native app (RFC 8252, section 7.3): an HTTP listener on 127.0.0.1
 * only, never on other interfaces, that takes exactly one authorization response. The first
 * request to the redirect path decides the outcome (a code with the right state, the provider's
 * error, or a rejection); every later request is refused. The port is always released.
 */
public final class LoopbackReceiver implements AutoCloseable {
    static {
        // The JDK server writes headers and body as separate segments; with Nagle's algorithm on,
        // each response waits ~40 ms for the peer's delayed ACK. Read once, before the first server.
        System.setProperty("sun.net.httpserver.nodelay", "true");
    }

    private final HttpServer server;
    private final ExecutorService executor;
    private final String path;
    private final String expectedState;
    private final String expectedIssuer;
    private final CompletableFuture<String> code = new CompletableFuture<>();
    private final AtomicBoolean answered = new AtomicBoolean();

    private LoopbackReceiver(HttpServer server, ExecutorService executor, String path,
                             String expectedState, String expectedIssuer) {
        this.server = server;
        this.executor = executor;
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
        InetSocketAddress address = new InetSocketAddress(InetAddress.getLoopbackAddress(), spec.port());
        HttpServer server;
        try {
            server = HttpServer.create(address, 4);
        } catch (BindException e) {
            throw new FedcredException("Port " + spec.port() + " on 127.0.0.1 is in use, and this issuer's"
                    + " redirect URI needs exactly that port. Close the program using it, or register a"
                    + " \"Desktop\" OAuth client, which accepts any port.", e);
        } catch (IOException e) {
            throw new FedcredException("Cannot listen on 127.0.0.1 for the browser's return: " + e.getMessage(), e);
        }
        ExecutorService executor = Executors.newSingleThreadExecutor(r -> {
            Thread thread = new Thread(r, "fedcred-loopback-receiver");
            thread.setDaemon(true);
            return thread;
        });
        LoopbackReceiver receiver = new LoopbackReceiver(server, executor, spec.path(), expectedState, expectedIssuer);
        server.createContext("/", receiver::handle);
        server.setExecutor(executor);
        server.start();
        return receiver;
    }

    /** The exact redirect URI to send to the provider, with the port actually bound. */
    public URI redirectUri() {
        return URI.create("http://127.0.0.1:" + port() + path);
    }

    public InetSocketAddress boundAddress() {
        return server.getAddress();
    }

    public int port() {
        return server.getAddress().getPort();
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
        server.stop(0);
        executor.shutdownNow();
    }

    private void handle(HttpExchange exchange) throws IOException {
        try (exchange) {
            if (!"GET".equals(exchange.getRequestMethod()) || !path.equals(exchange.getRequestURI().getPath())) {
                respond(exchange, 404, "Not found", "This address only receives fedcred's sign-in.");
                return;
            }
            if (!answered.compareAndSet(false, true)) {
                respond(exchange, 400, "Already used",
                        "This sign-in has already been answered. Return to fedcred; start a new sign-in there if needed.");
                return;
            }
            Outcome outcome = judge(parseQuery(exchange.getRequestURI().getRawQuery()));
            // answer the browser before completing, so closing the server cannot cut the page off
            if (outcome.failure() == null) {
                respond(exchange, 200, "Signed in", "You can close this tab and return to fedcred.");
                code.complete(outcome.code());
            } else {
                respond(exchange, 400, "Sign-in failed", outcome.failure().getMessage() + " Return to fedcred.");
                code.completeExceptionally(outcome.failure());
            }
        }
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
                    + " issuer (\"" + issuer + "\"). Nothing was accepted; sign in again."));
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

    private static void respond(HttpExchange exchange, int status, String title, String message) throws IOException {
        byte[] body = CallbackPage.render(title, message).getBytes(StandardCharsets.UTF_8);
        exchange.getResponseHeaders().set("Content-Type", "text/html; charset=utf-8");
        exchange.getResponseHeaders().set("Cache-Control", "no-store");
        exchange.getResponseHeaders().set("Referrer-Policy", "no-referrer");
        exchange.sendResponseHeaders(status, body.length);
        try (OutputStream out = exchange.getResponseBody()) {
            out.write(body);
        }
    }

    private static String humanDuration(Duration duration) {
        long seconds = duration.toSeconds();
        return seconds % 60 == 0 && seconds >= 60 ? (seconds / 60) + " minutes" : seconds + " seconds";
    }
}
