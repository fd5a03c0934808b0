package dev.fedcred.sandbox;

import java.io.IOException;
import java.io.InputStream;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.util.Optional;

/**
 * Calls the sandbox makes to other servers (an issuer's keys, STS for an EKS token) read at most
 * what a legitimate reply can be, so nothing at a URL a token or document names can fill memory.
 */
final class BoundedReplies {

    private BoundedReplies() {
    }

    /** The body of a 200 reply no larger than {@link HttpExchanges#MAX_BODY_BYTES}; empty for anything else. */
    static Optional<byte[]> okBody(HttpClient http, HttpRequest request) throws IOException, InterruptedException {
        HttpResponse<InputStream> response = http.send(request, HttpResponse.BodyHandlers.ofInputStream());
        byte[] body;
        try (InputStream in = response.body()) {
            body = in.readNBytes(HttpExchanges.MAX_BODY_BYTES + 1);
        }
        if (response.statusCode() != 200 || body.length > HttpExchanges.MAX_BODY_BYTES) {
            return Optional.empty();
        }
        return Optional.of(body);
    }
}
