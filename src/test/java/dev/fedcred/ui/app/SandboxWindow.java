package dev.fedcred.ui.app;

import dev.fedcred.FedcredContext;
import dev.fedcred.sandbox.SandboxOptions;
import dev.fedcred.sandbox.SandboxServer;
import dev.fedcred.testing.SandboxHome;
import dev.fedcred.ui.testing.FollowingBrowser;
import dev.fedcred.core.targets.TargetKind;
import java.nio.file.Path;
import dev.fedcred.ui.targets.CredentialStatus;
import java.time.Clock;
import java.time.Instant;
import java.time.ZoneId;
import java.util.List;
import java.util.function.UnaryOperator;
import javafx.stage.Stage;

/**
 * The main window in {@code stage} against a fresh auto-approving sandbox (issuer, AWS STS and
 * the GCP emulator), with fedcred's files, the AWS files and HOME under {@code home}.
 */
record SandboxWindow(SandboxServer sandbox, FedcredContext context, MainWindow window) implements AutoCloseable {

    static SandboxWindow show(Stage stage, Path home, DesktopHooks hooks) throws Exception {
        return show(stage, home, hooks, UnaryOperator.identity());
    }

    /** As {@link #show(Stage, Path, DesktopHooks)}, with the sandbox's options changed first (its user's claims, say). */
    static SandboxWindow show(Stage stage, Path home, DesktopHooks hooks, UnaryOperator<SandboxOptions> change)
            throws Exception {
        return show(stage, home, hooks, change, Clock.systemUTC());
    }

    /**
     * As {@link #show(Stage, Path, DesktopHooks)}, with one clock for the window and the sandbox: a
     * stopped one shows exact countdowns, and moving it is time passing for both.
     */
    static SandboxWindow show(Stage stage, Path home, DesktopHooks hooks, Clock clock) throws Exception {
        return show(stage, home, hooks, UnaryOperator.identity(), clock);
    }

    /** As {@link #show(Stage, Path, DesktopHooks)}, with kinds of target of the test's own registered after fedcred's. */
    static SandboxWindow show(Stage stage, Path home, DesktopHooks hooks, List<TargetKind<?>> moreKinds) throws Exception {
        return show(stage, home, hooks, UnaryOperator.identity(), Clock.systemUTC(), moreKinds);
    }

    private static SandboxWindow show(Stage stage, Path home, DesktopHooks hooks, UnaryOperator<SandboxOptions> change,
                                      Clock clock) throws Exception {
        return show(stage, home, hooks, change, clock, List.of());
    }

    private static SandboxWindow show(Stage stage, Path home, DesktopHooks hooks, UnaryOperator<SandboxOptions> change,
                                      Clock clock, List<TargetKind<?>> moreKinds) throws Exception {
        SandboxServer sandbox = SandboxServer.start(change.apply(SandboxOptions.defaults().withPort(0).withGcpPort(0)
                .withAutoApprove(true).withDataDir(SandboxHome.sandboxDataDir(home))), clock);
        FedcredContext context = new FedcredContext(SandboxHome.environment(sandbox, home), clock,
                new FollowingBrowser(), moreKinds);
        MainWindow window = new MainWindow(context, sandbox::issuerUri, hooks);
        window.show(stage);
        return new SandboxWindow(sandbox, context, window);
    }

    /**
     * What the target's row says at {@code now}: the text its model gives (TargetRowModelTest pins
     * it down) for the expiry core holds. With a stopped clock the window shows exactly this.
     */
    String statusAt(String targetName, Instant now) {
        Instant expiry = context.kinds().of(context.targets().resolve(targetName)).cachedExpiry().orElse(null);
        return CredentialStatus.describe(expiry, now, ZoneId.systemDefault()).text();
    }

    @Override
    public void close() {
        window.close();
        sandbox.close();
    }
}
