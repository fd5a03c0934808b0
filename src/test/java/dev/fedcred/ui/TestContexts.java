package dev.fedcred.ui;

import dev.fedcred.FedcredContext;
import dev.fedcred.core.oidc.BrowserOpener;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.time.Clock;
import java.util.Map;

/** A FedcredContext with its own empty FEDCRED_HOME, so no test sees another's settings or tokens. */
final class TestContexts {
    private TestContexts() {
    }

    static FedcredContext fresh(BrowserOpener browser) {
        try {
            String home = Files.createTempDirectory("fedcred-ui-test").toString();
            return new FedcredContext(Map.of("FEDCRED_HOME", home), Clock.systemUTC(), browser);
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }
}
