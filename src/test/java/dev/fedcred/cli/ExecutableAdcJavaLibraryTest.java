package dev.fedcred.cli;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import dev.fedcred.FedcredContext;
import dev.fedcred.core.Json;
import dev.fedcred.core.settings.TargetRegistry;
import dev.fedcred.sandbox.SandboxOptions;
import dev.fedcred.sandbox.SandboxServer;
import dev.fedcred.testing.CliRun;
import dev.fedcred.testing.FakeBrowser;
import dev.fedcred.testing.GoogleAdcClient;
import dev.fedcred.testing.SandboxCaTrust;
import dev.fedcred.testing.SandboxHome;
import java.io.BufferedReader;
import java.io.IOException;
import java.io.PrintWriter;
import java.net.URI;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.util.List;
import java.util.Map;
import java.util.concurrent.TimeUnit;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * The real google-auth-library in an application's JVM, against the sandbox with 20-second ID
 * tokens: after `assume` it keeps getting access tokens over several ID-token lifetimes, each asked
 * for after the last ID token expired, with no fedcred command run in between (the executable source
 * renews through the refresh token). Without GOOGLE_EXTERNAL_ACCOUNT_ALLOW_EXECUTABLES the library
 * refuses, naming the variable; after sign-out the command fails and the library says so.
 */
class ExecutableAdcJavaLibraryTest {
    private static final Duration LIFETIME = Duration.ofSeconds(20);

    @TempDir
    Path home;

    private SandboxServer sandbox;
    private FedcredContext context;
    private Process client;

    @BeforeEach
    void signInAndAssume() throws Exception {
        sandbox = SandboxServer.start(SandboxOptions.defaults().withPort(0).withGcpPort(0).withAutoApprove(true)
                .withIdTokenLifetime(LIFETIME).withDataDir(SandboxHome.sandboxDataDir(home)));
        context = new FedcredContext(SandboxHome.environment(sandbox, home), Clock.systemUTC(), new FakeBrowser());
        assertThat(CliRun.run(context, "login", "--issuer", "sandbox").exitCode()).isZero();
        CliRun assume = CliRun.run(context, "assume", "sandbox-gcp");
        assertThat(assume.exitCode()).as(assume.err()).isZero();
    }

    @AfterEach
    void stop() {
        if (client != null) {
            client.destroyForcibly();
        }
        sandbox.close();
    }

    private Path adcFile() {
        return SandboxHome.sandboxDataDir(home).resolve(TargetRegistry.SANDBOX_GCP_ADC_FILE);
    }

    private Instant idTokenExpiry() {
        return context.sessions().current("sandbox").orElseThrow().expiresAt();
    }

    /** Google's library in a JVM whose environment has no FEDCRED_* variable: the ADC file's command carries them. */
    private void startClient(boolean allowExecutables) throws IOException {
        ProcessBuilder builder = new ProcessBuilder(Path.of(System.getProperty("java.home"), "bin", "java").toString(),
                "-cp", System.getProperty("java.class.path"), GoogleAdcClient.class.getName(), sandbox.gcpCaFile().toString())
                .redirectError(ProcessBuilder.Redirect.DISCARD);
        builder.environment().keySet().removeIf(name -> name.startsWith("FEDCRED_") || name.startsWith("GOOGLE_"));
        builder.environment().put("HOME", home.toString());
        builder.environment().put("GOOGLE_APPLICATION_CREDENTIALS", adcFile().toString());
        if (allowExecutables) {
            builder.environment().put("GOOGLE_EXTERNAL_ACCOUNT_ALLOW_EXECUTABLES", "1");
        }
        client = builder.start();
    }

    private String askForAccessToken() throws IOException {
        PrintWriter stdin = new PrintWriter(client.getOutputStream(), true, StandardCharsets.UTF_8);
        stdin.println("token");
        BufferedReader stdout = client.inputReader(StandardCharsets.UTF_8);
        String line = stdout.readLine();
        assertThat(line).as("the client's answer").isNotNull();
        return line;
    }

    private JsonNode whoami(String accessToken) throws Exception {
        HttpResponse<String> whoami = SandboxCaTrust.httpClient(sandbox.gcpCaFile()).send(
                HttpRequest.newBuilder(URI.create(sandbox.endpoints().get("gcp-whoami")))
                        .header("Authorization", "Bearer " + accessToken).build(),
                HttpResponse.BodyHandlers.ofString());
        assertThat(whoami.statusCode()).as(whoami.body()).isEqualTo(200);
        return Json.MAPPER.readTree(whoami.body());
    }

    private static void sleepUntil(Instant instant) throws InterruptedException {
        long millis = Duration.between(Instant.now(), instant).toMillis();
        if (millis > 0) {
            TimeUnit.MILLISECONDS.sleep(millis);
        }
    }

    @Test
    void googlesJavaLibraryGetsAccessTokensOverSeveralIdTokenLifetimes() throws Exception {
        JsonNode adc = Json.MAPPER.readTree(adcFile().toFile());
        assertThat(adc.path("credential_source").path("executable").path("command").asText()).contains(" gcp subject-token sandbox-gcp");
        startClient(true);

        for (int lifetime = 1; lifetime <= 3; lifetime++) {
            Instant expired = idTokenExpiry();
            sleepUntil(expired.plusSeconds(1));

            String answer = askForAccessToken();

            assertThat(answer).as("lifetime " + lifetime).startsWith("TOKEN ya29.");
            assertThat(whoami(answer.substring("TOKEN ".length())).path("email").asText())
                    .isEqualTo(TargetRegistry.SANDBOX_GCP_SERVICE_ACCOUNT);
            assertThat(idTokenExpiry()).as("the executable renewed the ID token").isAfter(expired);
        }
    }

    @Test
    void withoutTheOptInTheLibraryRefusesAndNamesTheVariable() throws Exception {
        startClient(false);

        assertThat(askForAccessToken()).startsWith("ERROR").contains("GOOGLE_EXTERNAL_ACCOUNT_ALLOW_EXECUTABLES");
    }

    @Test
    void afterSignOutTheLibraryGetsNoTokenFromTheOutputFileNorTheCommand() throws Exception {
        startClient(true);
        assertThat(askForAccessToken()).startsWith("TOKEN ");
        Path output = home.resolve("fedcred/state/gcp/sandbox.executable-response.json");
        assertThat(output).exists();

        assertThat(CliRun.run(context, "logout", "--issuer", "sandbox").exitCode()).isZero();

        assertThat(output).doesNotExist();
        // the Java library reads no output of a command that exits non-zero: it names the exit code (3: sign in)
        assertThat(askForAccessToken()).startsWith("ERROR").contains("exit code 3");
    }
}
