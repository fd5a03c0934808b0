package dev.fedcred.ui.testing;

import dev.fedcred.FedcredContext;
import dev.fedcred.core.oidc.BrowserOpener;
import dev.fedcred.sandbox.SandboxOptions;
import dev.fedcred.sandbox.SandboxServer;
import dev.fedcred.testing.FakeBrowser;
import dev.fedcred.testing.MutableClock;
import dev.fedcred.testing.SandboxHome;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Instant;
import java.time.temporal.ChronoUnit;
import java.util.Comparator;
import java.util.stream.Stream;
import org.junit.jupiter.api.extension.AfterEachCallback;
import org.junit.jupiter.api.extension.BeforeEachCallback;
import org.junit.jupiter.api.extension.ExtensionContext;

/**
 * For each test (register it with {@code @RegisterExtension}): an auto-approving sandbox (issuer,
 * AWS STS, the GCP emulator) and fedcred's files in a fresh home, sharing one stopped clock, so
 * every countdown is exact and moving the clock is time passing for both. For the view-model
 * tests, which need no window.
 */
public final class StoppedSandbox implements BeforeEachCallback, AfterEachCallback {
    private MutableClock clock;
    private Path home;
    private SandboxServer server;
    private FedcredContext context;

    @Override
    public void beforeEach(ExtensionContext extension) throws IOException {
        clock = MutableClock.stoppedAt(Instant.now().truncatedTo(ChronoUnit.SECONDS));
        home = Files.createTempDirectory("fedcred-model-test");
        server = SandboxServer.start(SandboxOptions.defaults().withPort(0).withGcpPort(0).withAutoApprove(true)
                .withDataDir(SandboxHome.sandboxDataDir(home)), clock);
        context = contextWith(new FakeBrowser());
    }

    @Override
    public void afterEach(ExtensionContext extension) throws IOException {
        server.close();
        try (Stream<Path> files = Files.walk(home)) {
            for (Path file : files.sorted(Comparator.reverseOrder()).toList()) {
                Files.deleteIfExists(file);
            }
        }
    }

    public MutableClock clock() {
        return clock;
    }

    public SandboxServer server() {
        return server;
    }

    /** fedcred on the sandbox's files and clock, with a browser that follows the sign-in at once. */
    public FedcredContext context() {
        return context;
    }

    /** Another fedcred on the same files and clock, as another process would be. */
    public FedcredContext contextWith(BrowserOpener browser) {
        return new FedcredContext(SandboxHome.environment(server, home), clock, browser);
    }
}
