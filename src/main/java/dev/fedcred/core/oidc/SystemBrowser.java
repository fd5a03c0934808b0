package dev.fedcred.core.oidc;

import java.io.IOException;
import java.net.URI;
import java.util.List;
import java.util.Locale;
import java.util.concurrent.TimeUnit;

/**
 * The platform's "open this URL" command: the user's default browser, with their existing
 * sessions and password manager, as RFC 8252 asks (never an embedded web view).
 */
public final class SystemBrowser implements BrowserOpener {

    @Override
    public boolean open(URI uri) {
        if (!"http".equals(uri.getScheme()) && !"https".equals(uri.getScheme())) {
            return false;
        }
        try {
            Process process = new ProcessBuilder(command(uri.toString()))
                    .redirectErrorStream(true)
                    .redirectOutput(ProcessBuilder.Redirect.DISCARD)
                    .start();
            // xdg-open and friends exit quickly, non-zero when no browser is configured;
            // one still running after a moment has handed the URL to a browser.
            if (process.waitFor(3, TimeUnit.SECONDS)) {
                return process.exitValue() == 0;
            }
            return true;
        } catch (IOException e) {
            return false;
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            return false;
        }
    }

    private static List<String> command(String url) {
        String os = System.getProperty("os.name", "").toLowerCase(Locale.ROOT);
        if (os.contains("win")) {
            return List.of("rundll32", "url.dll,FileProtocolHandler", url);
        }
        if (os.contains("mac")) {
            return List.of("open", url);
        }
        return List.of("xdg-open", url);
    }
}
