package dev.fedcred.ui.app;

import static dev.fedcred.ui.testing.WindowRobot.waitUntil;
import static org.assertj.core.api.Assertions.assertThat;

import dev.fedcred.FedcredContext;
import dev.fedcred.core.renewal.RenewerSeat;
import dev.fedcred.sandbox.SandboxOptions;
import dev.fedcred.sandbox.SandboxServer;
import dev.fedcred.testing.MutableClock;
import dev.fedcred.testing.SandboxHome;
import dev.fedcred.ui.renewal.RenewerLine;
import dev.fedcred.ui.testing.FollowingBrowser;
import dev.fedcred.ui.testing.WindowRobot;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.time.Instant;
import java.time.temporal.ChronoUnit;
import javafx.stage.Stage;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;
import org.junit.jupiter.api.io.TempDir;
import org.testfx.api.FxRobot;
import org.testfx.framework.junit5.ApplicationExtension;
import org.testfx.framework.junit5.Start;

/**
 * A window started while the background agent holds the renewer seat leaves renewal to it and
 * says so; once the agent leaves, the window's next check renews. (The agent's seat is taken in
 * this JVM here; AgentProcessTest does the same with the agent in its own process.)
 */
@ExtendWith(ApplicationExtension.class)
class RenewedByAgentWindowTest {
    @TempDir
    Path home;

    private final MutableClock clock = MutableClock.stoppedAt(Instant.now().truncatedTo(ChronoUnit.SECONDS));
    private SandboxServer sandbox;
    private FedcredContext context;
    private RenewerSeat agent;
    private MainWindow window;

    @Start
    void start(Stage stage) throws Exception {
        sandbox = SandboxServer.start(SandboxOptions.defaults().withPort(0).withAutoApprove(true), clock);
        context = new FedcredContext(SandboxHome.environment(sandbox, home), clock, new FollowingBrowser());
        agent = RenewerSeat.in(context.paths(), RenewerSeat.AGENT, clock);
        assertThat(agent.holdOrTake()).isTrue();
        window = new MainWindow(context, sandbox::issuerUri);
        window.show(stage);
    }

    @AfterEach
    void stop() {
        window.close();
        agent.close();
        sandbox.close();
    }

    @Test
    void theWindowLeavesRenewalToTheAgentAndTakesItBackWhenTheAgentStops(FxRobot robot) throws Exception {
        WindowRobot ui = new WindowRobot(robot);
        waitUntil(() -> ui.labelShowingStartingWith(RenewerLine.BY_AGENT + " (process " + ProcessHandle.current().pid()
                + "); this window takes over if it stops."));
        ui.click(ui.buttonByAccessibleText("Sign in to sandbox"));
        waitUntil(() -> ui.labelShowingStartingWith("Signed in as sandbox.user@example.com"));
        ui.click(ui.buttonByAccessibleText("Assume role sandbox-aws"));
        waitUntil(() -> ui.labelShowingStartingWith("Wrote profile fedcred-sandbox (access key ID ASIA"));
        String before = Files.readString(home.resolve("aws/credentials"));

        clock.advance(Duration.ofMinutes(56));
        window.renewNow();
        Thread.sleep(1500);
        assertThat(Files.readString(home.resolve("aws/credentials"))).as("the window renews nothing while the agent does")
                .isEqualTo(before);

        agent.close();
        window.renewNow();
        waitUntil(() -> !Files.readString(home.resolve("aws/credentials")).equals(before));
        waitUntil(() -> !ui.labelShowingStartingWith(RenewerLine.BY_AGENT));
    }
}
