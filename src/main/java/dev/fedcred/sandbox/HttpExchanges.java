package dev.fedcred.sandbox;

import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.sun.net.httpserver.HttpExchange;
import com.sun.net.httpserver.HttpHandler;
import java.io.IOException;
import java.io.InputStream;
import java.io.OutputStream;
import java.nio.charset.StandardCharsets;
import java.util.LinkedHashMap;
import java.util.Locale;
import java.util.Map;

/** Small request/response helpers shared by the emulators, so each handler reads as protocol logic. */
final class HttpExchanges {

    /** Every legitimate request here is tiny; a cap keeps a stray client from filling memory. */
    static final int MAX_BODY_BYTES = 64 * 1024;

    private static final ObjectMapper JSON = new ObjectMapper();
    private static final System.Logger LOG = System.getLogger(HttpExchanges.class.getName());

    private HttpExchanges() {
    }

    /**
     * Wraps a handler so that an unexpected exception becomes a 500 instead of a silently dropped
     * connection, and the exchange is always closed. Only the exception type is logged: messages
     * could carry request data, and request data could carry tokens.
     */
    static HttpHandler guarded(HttpHandler handler) {
        return exchange -> {
            // Not try-with-resources: that would close the exchange before the catch blocks could
            // still send their error response.
            try {
                handler.handle(exchange);
            } catch (BadRequestException e) {
                sendJsonQuietly(exchange, e.status, error("invalid_request", e.getMessage()));
            } catch (Exception e) {
                LOG.log(System.Logger.Level.WARNING, "sandbox handler failed: " + e.getClass().getName());
                sendJsonQuietly(exchange, 500, error("server_error", "internal error in the sandbox"));
            } finally {
                exchange.close();
            }
        };
    }

    /** True if the request path is exactly the context path (HttpServer contexts match by prefix). */
    static boolean isExactPath(HttpExchange exchange, String path) {
        return exchange.getRequestURI().getRawPath().equals(path);
    }

    static Parameters queryParameters(HttpExchange exchange) throws BadRequestException {
        return parse(exchange.getRequestURI().getRawQuery());
    }

    static boolean hasFormBody(HttpExchange exchange) {
        String type = exchange.getRequestHeaders().getFirst("Content-Type");
        return type != null
                && type.toLowerCase(Locale.ROOT).split(";", 2)[0].trim().equals("application/x-www-form-urlencoded");
    }

    static Parameters formParameters(HttpExchange exchange) throws IOException {
        return parse(readBody(exchange));
    }

    private static Parameters parse(String encoded) throws BadRequestException {
        try {
            return Parameters.parse(encoded);
        } catch (IllegalArgumentException e) {
            // URLDecoder rejects broken %-escapes; that is the client's fault, not a server error.
            throw new BadRequestException(400, "malformed form encoding");
        }
    }

    private static String readBody(HttpExchange exchange) throws IOException {
        return new String(readBodyBytes(exchange), StandardCharsets.UTF_8);
    }

    /** The raw body, for callers that must hash exactly the bytes sent (AWS SigV4). */
    static byte[] readBodyBytes(HttpExchange exchange) throws IOException {
        try (InputStream in = exchange.getRequestBody()) {
            byte[] body = in.readNBytes(MAX_BODY_BYTES + 1);
            if (body.length > MAX_BODY_BYTES) {
                throw new BadRequestException(413, "request body too large");
            }
            return body;
        }
    }

    /** Form-encoded parameters from a string already read, e.g. query and body together. */
    static Parameters parseForm(String encoded) throws BadRequestException {
        return parse(encoded);
    }

    static Map<String, Object> error(String error, String description) {
        Map<String, Object> body = new LinkedHashMap<>();
        body.put("error", error);
        body.put("error_description", description);
        return body;
    }

    static void sendJson(HttpExchange exchange, int status, Object body) throws IOException {
        byte[] bytes;
        try {
            bytes = JSON.writeValueAsBytes(body);
        } catch (JsonProcessingException e) {
            throw new IOException("cannot serialise response", e);
        }
        exchange.getResponseHeaders().set("Content-Type", "application/json");
        send(exchange, status, bytes);
    }

    /** Token-bearing responses must not be cached (RFC 6749 section 5.1). */
    static void sendNoStoreJson(HttpExchange exchange, int status, Object body) throws IOException {
        exchange.getResponseHeaders().set("Cache-Control", "no-store");
        exchange.getResponseHeaders().set("Pragma", "no-cache");
        sendJson(exchange, status, body);
    }

    static void sendHtml(HttpExchange exchange, int status, String html) throws IOException {
        var headers = exchange.getResponseHeaders();
        headers.set("Content-Type", "text/html; charset=utf-8");
        headers.set("Cache-Control", "no-store");
        // The page has no scripts and must not be framed (clickjacking the "Sign in" button).
        // No form-action directive: browsers apply it to the redirect that follows the POST,
        // which goes to the client's loopback port.
        headers.set("Content-Security-Policy", "default-src 'none'; style-src 'unsafe-inline'; frame-ancestors 'none'");
        headers.set("X-Frame-Options", "DENY");
        headers.set("Referrer-Policy", "no-referrer");
        send(exchange, status, html.getBytes(StandardCharsets.UTF_8));
    }

    static void sendRedirect(HttpExchange exchange, String location) throws IOException {
        exchange.getResponseHeaders().set("Location", location);
        exchange.getResponseHeaders().set("Cache-Control", "no-store");
        // The authorization response carries the code in the URL; keep it out of Referer headers.
        exchange.getResponseHeaders().set("Referrer-Policy", "no-referrer");
        exchange.sendResponseHeaders(302, -1);
    }

    static void sendMethodNotAllowed(HttpExchange exchange, String allowed) throws IOException {
        exchange.getResponseHeaders().set("Allow", allowed);
        sendJson(exchange, 405, error("invalid_request", "method not allowed; use " + allowed));
    }

    static void sendNotFound(HttpExchange exchange) throws IOException {
        sendJson(exchange, 404, error("not_found", "no such endpoint on the fedcred sandbox"));
    }

    private static void send(HttpExchange exchange, int status, byte[] bytes) throws IOException {
        boolean head = "HEAD".equals(exchange.getRequestMethod());
        exchange.sendResponseHeaders(status, head ? -1 : bytes.length);
        if (!head) {
            try (OutputStream out = exchange.getResponseBody()) {
                out.write(bytes);
            }
        }
    }

    private static void sendJsonQuietly(HttpExchange exchange, int status, Object body) {
        try {
            sendJson(exchange, status, body);
        } catch (IOException | RuntimeException ignored) {
            // Headers may already be sent; nothing more we can tell the client.
        }
    }

    /** A request that cannot even be parsed; {@link #guarded} answers it with a JSON error. */
    static final class BadRequestException extends IOException {
        private static final long serialVersionUID = 1L;
        final int status;

        BadRequestException(int status, String message) {
            super(message);
            this.status = status;
        }
    }
}
