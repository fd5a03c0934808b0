package dev.fedcred.sandbox;

import com.sun.net.httpserver.HttpExchange;
import java.io.IOException;
import java.io.OutputStream;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.util.Arrays;

/** The parts of odd replies every emulator's fault injection shares: a proxy's page, silence, a streamed flood. */
final class OddReplies {
    private OddReplies() {
    }

    /** What a captive portal or a corporate proxy answers in a service's place. */
    static void htmlPage(HttpExchange exchange, int status) throws IOException {
        byte[] page = ("<!DOCTYPE html>\n<html><head><title>Proxy</title></head><body><h1>Access through this proxy"
                + " needs a sign-in</h1><p>Please log in to continue.</p></body></html>\n").getBytes(StandardCharsets.UTF_8);
        exchange.getResponseHeaders().set("Content-Type", "text/html; charset=utf-8");
        exchange.sendResponseHeaders(status, page.length);
        try (OutputStream out = exchange.getResponseBody()) {
            out.write(page);
        }
    }

    /** Says nothing for {@code silence}; the guarded handler then closes the exchange unanswered. */
    static void hang(Duration silence) {
        try {
            Thread.sleep(silence.toMillis());
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
        }
    }

    /**
     * {@code head}, then {@code fillerBytes} of 'A', then {@code tail}, with chunked encoding, never
     * held in memory; a client that stops reading ends it.
     */
    static void streamed(HttpExchange exchange, int status, String contentType, String head, long fillerBytes,
                         String tail) throws IOException {
        exchange.getResponseHeaders().set("Content-Type", contentType);
        exchange.sendResponseHeaders(status, 0);
        byte[] chunk = new byte[64 * 1024];
        Arrays.fill(chunk, (byte) 'A');
        try (OutputStream out = exchange.getResponseBody()) {
            out.write(head.getBytes(StandardCharsets.UTF_8));
            for (long left = fillerBytes; left > 0; left -= chunk.length) {
                out.write(chunk, 0, (int) Math.min(chunk.length, left));
            }
            out.write(tail.getBytes(StandardCharsets.UTF_8));
        } catch (IOException clientStoppedReading) {
            // what a bounded client does: nothing more to send
        }
    }
}
