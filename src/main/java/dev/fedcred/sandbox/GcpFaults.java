package dev.fedcred.sandbox;

import com.sun.net.httpserver.HttpExchange;
import java.io.IOException;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.time.format.DateTimeFormatter;
import java.time.temporal.ChronoUnit;
import java.util.ArrayDeque;
import java.util.Deque;
import java.util.EnumMap;
import java.util.Map;
import java.util.Objects;

/**
 * Replies the GCP emulator sends instead of serving a request, so a client's handling of what real
 * Google never sends (a proxy's page, expired or huge tokens, an endless body, silence) can be
 * tested with the real google-auth-library. Each queued reply answers exactly one request to its
 * endpoint, in the order queued; the other endpoint keeps working.
 */
public final class GcpFaults {

    /** Which of the emulator's endpoints a fault answers for. */
    public enum Endpoint { STS, IAM_CREDENTIALS }

    @FunctionalInterface
    interface Reply {
        void send(HttpExchange exchange) throws IOException;
    }

    private final Clock clock;
    private final Map<Endpoint, Deque<Reply>> pending = new EnumMap<>(Endpoint.class);

    GcpFaults(Clock clock) {
        this.clock = clock;
        for (Endpoint endpoint : Endpoint.values()) {
            pending.put(endpoint, new ArrayDeque<>());
        }
    }

    /** The next request to {@code endpoint} gets a proxy's HTML page with {@code status}. */
    public synchronized void htmlPageNext(Endpoint endpoint, int status) {
        pending.get(endpoint).addLast(exchange -> OddReplies.htmlPage(exchange, status));
    }

    /** The next request to {@code endpoint} gets no answer for {@code silence}. */
    public synchronized void hangNext(Endpoint endpoint, Duration silence) {
        Objects.requireNonNull(silence, "silence");
        pending.get(endpoint).addLast(exchange -> OddReplies.hang(silence));
    }

    /** The next request to {@code endpoint} gets a 200 JSON reply that runs on for {@code bytes} bytes. */
    public synchronized void endlessReplyNext(Endpoint endpoint, long bytes) {
        pending.get(endpoint).addLast(exchange -> OddReplies.streamed(exchange, 200, "application/json",
                "{\"access_token\":\"", bytes, "\"}"));
    }

    /**
     * The next request to {@code endpoint} gets a well-formed access token of {@code characters}
     * characters expiring at {@code expiration} (past or future), in that endpoint's JSON: STS's
     * {@code access_token} and {@code expires_in}, IAM Credentials' {@code accessToken} and
     * {@code expireTime}. Streamed, so a huge one costs no memory here.
     */
    public synchronized void accessTokenNext(Endpoint endpoint, long characters, Instant expiration) {
        Objects.requireNonNull(expiration, "expiration");
        pending.get(endpoint).addLast(exchange -> {
            if (endpoint == Endpoint.STS) {
                long expiresIn = expiration.getEpochSecond() - clock.instant().getEpochSecond();
                OddReplies.streamed(exchange, 200, "application/json", "{\"access_token\":\"", characters,
                        "\",\"issued_token_type\":\"urn:ietf:params:oauth:token-type:access_token\","
                                + "\"token_type\":\"Bearer\",\"expires_in\":" + expiresIn + "}");
            } else {
                OddReplies.streamed(exchange, 200, "application/json", "{\"accessToken\":\"", characters,
                        "\",\"expireTime\":\"" + DateTimeFormatter.ISO_INSTANT.format(expiration.truncatedTo(ChronoUnit.SECONDS))
                                + "\"}");
            }
        });
    }

    /** Drops every queued fault. */
    public synchronized void clear() {
        pending.values().forEach(Deque::clear);
    }

    /** The fault for this request to {@code endpoint}, or null to serve it normally. */
    synchronized Reply takeNext(Endpoint endpoint) {
        return pending.get(endpoint).pollFirst();
    }
}
