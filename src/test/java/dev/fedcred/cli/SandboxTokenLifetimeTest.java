package dev.fedcred.cli;

import static org.assertj.core.api.Assertions.assertThat;

import dev.fedcred.FedcredContext;
import dev.fedcred.core.oidc.TokenSet;
import dev.fedcred.testing.CliRun;
import dev.fedcred.testing.FakeBrowser;
import java.io.BufferedReader;
import java.net.URI;
import java.nio.charset.StandardCharsets;
import java.nio.file.Path;
import java.time.Clock;
import java.time.Duration;
import java.util.HashMap;
import java.util.Map;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** `fedcred sandbox --token-lifetime SECONDS`: the sandbox's ID tokens live that long; too short is refused. */
class SandboxTokenLifetimeTest {
    @TempDir
    Path home;

    private Process sandbox;

    @AfterEach
    void stop() {
        if (sandbox != null) {
            sandbox.destroy();
        }
    }

    private Map<String, String> env() {
        return Map.of("HOME", home.toString(), "FEDCRED_HOME", home.resolve("fedcred").toString());
    }

    @Test
    void theSandboxsIdTokensLiveAsLongAsAsked() throws Exception {
        ProcessBuilder builder = new ProcessBuilder(Path.of(System.getProperty("java.home"), "bin", "java").toString(),
                "-cp", System.getProperty("java.class.path"), "dev.fedcred.Main", "sandbox", "--port", "0", "--gcp-port", "0",
                "--auto-approve", "--token-lifetime", "120").redirectError(ProcessBuilder.Redirect.DISCARD);
        builder.environment().keySet().removeIf(name -> name.startsWith("FEDCRED_"));
        builder.environment().putAll(env());
        sandbox = builder.start();
        BufferedReader out = sandbox.inputReader(StandardCharsets.UTF_8);
        String issuer = out.readLine();
        assertThat(issuer).startsWith("issuer: http://127.0.0.1:");

        Map<String, String> env = new HashMap<>(env());
        env.put("FEDCRED_SANDBOX_PORT", String.valueOf(URI.create(issuer.substring("issuer: ".length())).getPort()));
        FedcredContext context = new FedcredContext(env, Clock.systemUTC(), new FakeBrowser());
        CliRun login = CliRun.run(context, "login", "--issuer", "sandbox");
        assertThat(login.exitCode()).as(login.err()).isZero();

        TokenSet tokens = context.sessions().current("sandbox").orElseThrow();
        assertThat(tokens.lifetime()).isEqualTo(Duration.ofSeconds(120));
    }

    @Test
    void aLifetimeTooShortToUseIsRefused() {
        CliRun run = CliRun.run(new FedcredContext(env(), Clock.systemUTC(), new FakeBrowser()),
                "sandbox", "--port", "0", "--token-lifetime", "5");
        assertThat(run.exitCode()).isEqualTo(1);
        assertThat(run.err()).contains("--token-lifetime must be 20 to 86400 seconds, not 5.");
    }
}
