package dev.fedcred.ui.testing;

import dev.fedcred.FedcredContext;
import dev.fedcred.core.oidc.BrowserOpener;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Clock;
import java.util.Map;

/** A FedcredContext with its own empty FEDCRED_HOME, so no test sees another's settings or tokens. */
public final class TestContexts {
    private TestContexts() {
    }

    public static FedcredContext fresh(BrowserOpener browser) {
        return at(newHome(), Clock.systemUTC(), browser);
    }

    public static Path newHome() {
        try {
            return Files.createTempDirectory("fedcred-ui-test");
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    /** A second context on the same home sees the first one's settings and tokens, like a restart. */
    public static FedcredContext at(Path home, Clock clock, BrowserOpener browser) {
        return new FedcredContext(Map.of("FEDCRED_HOME", home.toString()), clock, browser);
    }
}
