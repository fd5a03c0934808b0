package dev.fedcred.interop;

import static org.assertj.core.api.Assertions.assertThat;

import dev.fedcred.FedcredContext;
import dev.fedcred.core.oidc.BrowserOpener;
import dev.fedcred.core.oidc.PendingSignIn;
import dev.fedcred.core.settings.TargetRegistry;
import dev.fedcred.core.status.StatusReader;
import dev.fedcred.core.status.TargetSnapshot;
import dev.fedcred.testing.FakeBrowser;
import dev.fedcred.ui.targets.TargetActions;
import java.io.BufferedReader;
import java.io.IOException;
import java.net.URI;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.attribute.PosixFilePermissions;
import java.time.Clock;
import java.time.Duration;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.concurrent.TimeUnit;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * A real browser, Debian's chromium (headless), goes through fedcred's AWS console login URL to
 * the sandbox's console page, which must name the assumed role and the region: from the printed
 * URL of `fedcred aws console --print`, from `fedcred aws console` opening the browser through
 * xdg-open, and from what the window's Open console button runs. Each prints how long it took
 * from the start to the console page, for the closing note.
 */
class AwsConsoleChromiumInteropIT {
    private static final String CHROMIUM = "/usr/bin/chromium";
    private static final String ROLE = "arn:aws:sts::000000000000:assumed-role/fedcred-sandbox/sandbox.user@example.com";

    @TempDir
    Path dir;

    private InteropHome home;

    @BeforeEach
    void start() throws Exception {
        PeerProgram.require(CHROMIUM, "apt-get install chromium");
        home = new InteropHome(dir);
    }

    @AfterEach
    void stop() {
        home.close();
    }

    @Test
    void theSandboxPrintsItsFederationEndpoint() throws Exception {
        List<String> command = new ArrayList<>(List.of(java(), "-jar", InteropHome.JAR.toString(), "sandbox", "--port", "0",
                "--gcp-port", "0", "--auto-approve"));
        ProcessBuilder builder = new ProcessBuilder(command).directory(dir.toFile()).redirectError(ProcessBuilder.Redirect.DISCARD);
        PeerProgram.isolate(builder.environment(), Map.of("HOME", dir.toString(), "FEDCRED_HOME", dir.resolve("own").toString()));
        Process sandbox = builder.start();
        try (BufferedReader out = sandbox.inputReader(StandardCharsets.UTF_8)) {
            String line;
            List<String> lines = new ArrayList<>();
            while ((line = out.readLine()) != null && !line.startsWith("gcp-ca:")) {
                lines.add(line);
            }
            assertThat(lines).anySatisfy(printed -> assertThat(printed).matches("aws-signin: http://127\\.0\\.0\\.1:\\d+/federation"));
            assertThat(lines.indexOf(lines.stream().filter(l -> l.startsWith("aws-signin:")).findFirst().orElseThrow()))
                    .isEqualTo(lines.indexOf(lines.stream().filter(l -> l.startsWith("aws-sts:")).findFirst().orElseThrow()) + 1);
        } finally {
            sandbox.destroy();
            sandbox.waitFor(10, TimeUnit.SECONDS);
        }
    }

    @Test
    void chromiumFollowsThePrintedLoginUrlToTheConsolePage() throws Exception {
        home.signIn();
        long started = System.nanoTime();
        PeerProgram.Result printed = home.fedcred("aws", "console", "sandbox-aws", "--print", "--region", "eu-west-1");
        assertThat(printed.exitCode()).as(printed.err()).isZero();
        assertThat(printed.err()).contains("warning: this URL signs whoever opens it in").doesNotContain("SigninToken");

        String dom = dumpDom(URI.create(printed.out().strip()));
        report("`fedcred aws console --print` + chromium", started);
        assertThat(dom).contains("Signed in as <code id=\"role\">" + ROLE + "</code>")
                .contains("<code id=\"region\">eu-west-1</code>");
    }

    @Test
    void theConsoleCommandOpensChromiumThroughXdgOpen() throws Exception {
        home.signIn();
        Path dom = dir.resolve("dom.html");
        Path bin = Files.createDirectories(dir.resolve("bin"));
        Path xdgOpen = bin.resolve("xdg-open");
        // the user's "default browser": chromium, headless, writing the page it ends on
        Files.writeString(xdgOpen, "#!/bin/sh\nexec " + CHROMIUM + " " + String.join(" ", chromiumOptions())
                + " --dump-dom \"$1\" > " + dom + " 2>/dev/null\n");
        Files.setPosixFilePermissions(xdgOpen, PosixFilePermissions.fromString("rwx------"));
        Map<String, String> env = new HashMap<>(home.env);
        env.put("PATH", bin + ":" + System.getenv().getOrDefault("PATH", "/usr/bin:/bin"));

        long started = System.nanoTime();
        List<String> command = List.of(java(), "-jar", InteropHome.JAR.toString(), "aws", "console", "sandbox-aws");
        PeerProgram.Result opened = PeerProgram.run(command, env, home.home);
        assertThat(opened.exitCode()).as(opened.err()).isZero();
        waitForPage(dom);
        report("`fedcred aws console` through xdg-open to chromium", started);
        assertThat(opened.out()).startsWith("Opened the AWS console as arn:aws:iam::000000000000:role/fedcred-sandbox");
        assertThat(Files.readString(dom)).contains(ROLE).contains("<code id=\"region\">us-east-1</code>");
    }

    @Test
    void theWindowsOpenConsoleWorkReachesTheConsolePageInChromium() throws Exception {
        Path dom = dir.resolve("window-dom.html");
        BrowserOpener chromium = url -> {
            try {
                Files.writeString(dom, dumpDom(url));
                return true;
            } catch (IOException | InterruptedException e) {
                return false;
            }
        };
        FedcredContext context = new FedcredContext(home.env, Clock.systemUTC(), chromium);
        try (PendingSignIn pending = context.sessions().begin(context.issuers().sandbox())) {
            new FakeBrowser().open(pending.authorizationUri());
            context.sessions().finish(pending, Duration.ofSeconds(20));
        }
        TargetSnapshot row = context.statusReader().read()
                .targets().stream().filter(target -> target.target().name().equals(TargetRegistry.SANDBOX_AWS))
                .findFirst().orElseThrow();

        // what the row's Open console button runs on its background thread
        long started = System.nanoTime();
        String notice = TargetActions.perform(context, row.target(), row.presentation().actions().get(0));
        report("the window's Open console (first time: STS, then federation, then chromium)", started);
        assertThat(notice).isEqualTo("Opened the AWS console as fedcred-sandbox in your browser.");
        assertThat(Files.readString(dom)).contains(ROLE).contains("<code id=\"region\">us-east-1</code>");

        started = System.nanoTime();
        TargetActions.perform(context, row.target(), row.presentation().actions().get(0));
        report("the window's Open console (again: cached credentials, federation, chromium)", started);
    }

    private String dumpDom(URI url) throws IOException, InterruptedException {
        List<String> command = new ArrayList<>(List.of(CHROMIUM));
        command.addAll(chromiumOptions());
        command.addAll(List.of("--dump-dom", url.toString()));
        Process chromium = new ProcessBuilder(command).redirectError(ProcessBuilder.Redirect.DISCARD).start();
        String dom = new String(chromium.getInputStream().readAllBytes(), StandardCharsets.UTF_8);
        assertThat(chromium.waitFor(60, TimeUnit.SECONDS)).isTrue();
        return dom;
    }

    /** Headless with a profile of its own; as root (CI containers) chromium needs --no-sandbox. */
    private List<String> chromiumOptions() {
        return List.of("--headless", "--no-sandbox", "--disable-gpu", "--no-first-run",
                "--user-data-dir=" + dir.resolve("chromium-profile"));
    }

    private static void waitForPage(Path dom) throws Exception {
        long deadline = System.nanoTime() + Duration.ofSeconds(60).toNanos();
        while (!(Files.exists(dom) && Files.readString(dom).contains("</html>"))) {
            assertThat(System.nanoTime()).as("chromium wrote no page to " + dom).isLessThan(deadline);
            Thread.sleep(50);
        }
    }

    private static void report(String what, long startedNanos) {
        System.out.println("console sign-in timing: " + what + ": "
                + Duration.ofNanos(System.nanoTime() - startedNanos).toMillis() + " ms to the console page");
    }

    private static String java() {
        return Path.of(System.getProperty("java.home"), "bin", "java").toString();
    }
}
