package dev.fedcred.testing;

import dev.fedcred.core.oidc.BrowserOpener;
import java.io.IOException;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.time.Duration;
import java.util.concurrent.CompletableFuture;

/**
 * Plays the user's browser: follows the authorization URL through the provider's redirects to
 * the loopback receiver, on its own thread as a real browser would.
 */
public final class FakeBrowser implements BrowserOpener {
    private final HttpClient client = HttpClient.newBuilder()
            .followRedirects(HttpClient.Redirect.ALWAYS)
            .connectTimeout(Duration.ofSeconds(5))
            .build();
    private volatile CompletableFuture<HttpResponse<String>> lastVisit;
    private final java.util.concurrent.atomic.AtomicInteger visits = new java.util.concurrent.atomic.AtomicInteger();

    @Override
    public boolean open(URI uri) {
        lastVisit = client.sendAsync(HttpRequest.newBuilder(uri).timeout(Duration.ofSeconds(20)).build(),
                HttpResponse.BodyHandlers.ofString());
        visits.incrementAndGet();
        return true;
    }

    /** How many pages were opened so far. */
    public int visits() {
        return visits.get();
    }

    /** The page the browser ended on (the receiver's "return to the app" page). */
    public HttpResponse<String> landedOn() {
        return lastVisit.join();
    }

    public static HttpResponse<String> get(URI uri) throws IOException, InterruptedException {
        HttpClient plain = HttpClient.newBuilder().connectTimeout(Duration.ofSeconds(5)).build();
        return plain.send(HttpRequest.newBuilder(uri).timeout(Duration.ofSeconds(10)).build(),
                HttpResponse.BodyHandlers.ofString());
    }
}
