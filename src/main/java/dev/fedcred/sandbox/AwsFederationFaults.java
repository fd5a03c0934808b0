package dev.fedcred.sandbox;

import com.sun.net.httpserver.HttpExchange;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.util.ArrayDeque;
import java.util.Deque;

/**
 * Odd replies the federation endpoint answers with before looking at the request, so a client's
 * handling of a refusal, a proxy's page, a reply that is not the endpoint's JSON, a flood or
 * silence can be tested. Each queued fault answers exactly one request to {@code /federation}.
 */
public final class AwsFederationFaults {

    @FunctionalInterface
    interface OddReply {
        void send(HttpExchange exchange) throws IOException;
    }

    private final Deque<OddReply> pending = new ArrayDeque<>();

    AwsFederationFaults() {
    }

    /** The next request gets {@code status} (400, 403, 500, 503...) with a short plain-text body. */
    public synchronized void refuseNext(int status) {
        pending.addLast(exchange -> {
            byte[] body = "Bad request\n".getBytes(StandardCharsets.UTF_8);
            exchange.getResponseHeaders().set("Content-Type", "text/plain; charset=utf-8");
            exchange.sendResponseHeaders(status, body.length);
            exchange.getResponseBody().write(body);
        });
    }

    /** The next request gets a proxy's HTML page with {@code status} instead of the endpoint's JSON. */
    public synchronized void htmlPageNext(int status) {
        pending.addLast(exchange -> OddReplies.htmlPage(exchange, status));
    }

    /** The next request gets HTTP 200 with JSON that has no SigninToken. */
    public synchronized void replyWithoutTokenNext() {
        pending.addLast(exchange -> HttpExchanges.sendJson(exchange, 200, java.util.Map.of("Token", "x")));
    }

    /** The next request gets HTTP 200 with a JSON body of {@code bytes} bytes, streamed, never held in memory. */
    public synchronized void floodNext(long bytes) {
        pending.addLast(exchange -> OddReplies.streamed(exchange, 200, "application/json", "{\"SigninToken\":\"",
                bytes, "\"}"));
    }

    /** The next request gets no answer for {@code silence}. */
    public synchronized void hangNext(Duration silence) {
        pending.addLast(exchange -> OddReplies.hang(silence));
    }

    synchronized OddReply takeNext() {
        return pending.pollFirst();
    }
}
