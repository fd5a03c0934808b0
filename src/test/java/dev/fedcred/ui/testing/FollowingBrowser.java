package dev.fedcred.ui.testing;

import dev.fedcred.core.oidc.BrowserOpener;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.time.Duration;

/**
 * Plays the user's browser: follows the authorization URL and its redirects back to fedcred's
 * loopback receiver, on its own thread as a real browser would, and reports it opened.
 */
public final class FollowingBrowser implements BrowserOpener {
    private final HttpClient http = HttpClient.newBuilder()
            .followRedirects(HttpClient.Redirect.ALWAYS)
            .connectTimeout(Duration.ofSeconds(5))
            .build();

    @Override
    public boolean open(URI uri) {
        Thread browser = new Thread(() -> {
            try {
                http.send(HttpRequest.newBuilder(uri).timeout(Duration.ofSeconds(10)).GET().build(),
                        HttpResponse.BodyHandlers.discarding());
            } catch (Exception e) {
                // the test's own wait fails with a clearer message than this thread could give
            }
        }, "test-browser");
        browser.setDaemon(true);
        browser.start();
        return true;
    }
}
