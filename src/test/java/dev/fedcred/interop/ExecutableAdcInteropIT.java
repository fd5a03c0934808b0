package dev.fedcred.interop;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import dev.fedcred.FedcredContext;
import dev.fedcred.core.Json;
import dev.fedcred.core.settings.TargetRegistry;
import dev.fedcred.testing.FakeBrowser;
import dev.fedcred.testing.SandboxCaTrust;
import java.net.URI;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
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
 * The ADC file `fedcred assume sandbox-gcp` writes, with its executable source, read by Python's
 * google-auth, Node's google-auth-library and gcloud, against a sandbox whose ID tokens live 20
 * seconds: in each of three lifetimes, every client gets an access token the sandbox accepts after the
 * ID token before it expired, with no fedcred command run in between. Each lifetime another client
 * asks first and so runs fedcred, which renews the ID token through the refresh token; the others
 * find that token in the ADC file's output_file. Without GOOGLE_EXTERNAL_ACCOUNT_ALLOW_EXECUTABLES
 * each client refuses and names the variable.
 */
class ExecutableAdcInteropIT {
    private static final Duration LIFETIME = Duration.ofSeconds(20);
    private static final String NODE = "/usr/bin/node";
    private static final Path NODE_PROJECT = Path.of("src/test/node").toAbsolutePath();

    @TempDir
    Path dir;

    private InteropHome home;
    private Path adc;
    private String gcloudPath;

    @BeforeEach
    void signInAndAssume() throws Exception {
        InteropVenv.python();
        PeerProgram.require(NODE, "install Node.js");
        assertThat(NODE_PROJECT.resolve("node_modules/google-auth-library"))
                .as("run `npm ci --prefix src/test/node` first (.ci/run does)").exists();
        home = new InteropHome(dir, Map.of(), LIFETIME);
        home.signIn();
        adc = home.assumeGcp();
        assertThat(Json.MAPPER.readTree(adc.toFile()).path("credential_source").path("executable").path("command").asText())
                .contains(" gcp subject-token sandbox-gcp");
        gcloudPath = PeerProgram.gcloud().toString();
    }

    @AfterEach
    void stop() {
        if (home != null) {
            home.close();
        }
    }

    private String ca() {
        return home.sandbox.endpoints().get("gcp-ca");
    }

    private String whoamiUrl() {
        return home.sandbox.endpoints().get("gcp-whoami");
    }

    private Map<String, String> googleEnv(boolean allowExecutables) {
        Map<String, String> env = new HashMap<>(Map.of("GOOGLE_APPLICATION_CREDENTIALS", adc.toString(),
                "GOOGLE_CLOUD_PROJECT", TargetRegistry.SANDBOX_GCP_PROJECT_ID,
                "REQUESTS_CA_BUNDLE", ca(), "NODE_EXTRA_CA_CERTS", ca(), "HOME", dir.toString(),
                "CLOUDSDK_CONFIG", dir.resolve("gcloud").toString(), "CLOUDSDK_CORE_CUSTOM_CA_CERTS_FILE", ca(),
                "CLOUDSDK_CORE_DISABLE_PROMPTS", "1", "CLOUDSDK_COMPONENT_MANAGER_DISABLE_UPDATE_CHECK", "true"));
        if (allowExecutables) {
            env.put("GOOGLE_EXTERNAL_ACCOUNT_ALLOW_EXECUTABLES", "1");
        }
        return env;
    }

    private PeerProgram.Result python(boolean allow) throws Exception {
        return InteropVenv.script("google_auth_token.py", googleEnv(allow), dir, whoamiUrl());
    }

    private PeerProgram.Result node(boolean allow) throws Exception {
        return PeerProgram.run(List.of(NODE, "adc-access-token.js", whoamiUrl()), googleEnv(allow), NODE_PROJECT);
    }

    /** gcloud's own access-token cache emptied first: it stands for gcloud's hour-long token having expired. */
    private PeerProgram.Result gcloud(boolean allow) throws Exception {
        Files.deleteIfExists(dir.resolve("gcloud/access_tokens.db"));
        return PeerProgram.run(List.of(gcloudPath, "auth", "print-access-token"), googleEnv(allow), dir);
    }

    private interface Client {
        PeerProgram.Result ask(boolean allow) throws Exception;
    }

    /** The sandbox's whoami for what a client printed: its own answer (Python, Node) or the token (gcloud). */
    private String serviceAccountOf(String name, PeerProgram.Result result) throws Exception {
        if (!name.equals("gcloud")) {
            return Json.MAPPER.readTree(result.out()).path("whoami").path("email").asText();
        }
        HttpResponse<String> whoami = SandboxCaTrust.httpClient(Path.of(ca())).send(
                HttpRequest.newBuilder(URI.create(whoamiUrl())).header("Authorization", "Bearer " + result.out().strip()).build(),
                HttpResponse.BodyHandlers.ofString());
        assertThat(whoami.statusCode()).as(whoami.body()).isEqualTo(200);
        JsonNode identity = Json.MAPPER.readTree(whoami.body());
        return identity.path("email").asText();
    }

    private Instant idTokenExpiry() {
        return new FedcredContext(home.env, Clock.systemUTC(), new FakeBrowser()).sessions().current("sandbox")
                .orElseThrow().expiresAt();
    }

    private Map<String, Client> clients() throws Exception {
        Map<String, Client> clients = new java.util.LinkedHashMap<>();
        clients.put("python", this::python);
        clients.put("node", this::node);
        PeerProgram.Result login = PeerProgram.run(List.of(gcloudPath, "auth", "login",
                "--cred-file=" + adc), googleEnv(true), dir);
        assertThat(login.exitCode()).as(login.err()).isZero();
        clients.put("gcloud", this::gcloud);
        return clients;
    }

    @Test
    void everyClientGetsAccessTokensOverThreeIdTokenLifetimesWithNoFedcredCommandInBetween() throws Exception {
        Map<String, Client> clients = clients();
        List<String> names = new ArrayList<>(clients.keySet());
        for (int lifetime = 0; lifetime < 3; lifetime++) {
            Instant expired = idTokenExpiry();
            long wait = Duration.between(Instant.now(), expired.plusSeconds(1)).toMillis();
            TimeUnit.MILLISECONDS.sleep(Math.max(0, wait));

            for (int i = 0; i < names.size(); i++) {
                String name = names.get((lifetime + i) % names.size());
                PeerProgram.Result result = clients.get(name).ask(true);
                assertThat(result.exitCode()).as(name + " in lifetime " + (lifetime + 1) + ": " + result.err()).isZero();
                assertThat(serviceAccountOf(name, result)).as(name).isEqualTo(TargetRegistry.SANDBOX_GCP_SERVICE_ACCOUNT);
            }
            assertThat(idTokenExpiry()).as("renewed by the ADC file's command in lifetime " + (lifetime + 1)).isAfter(expired);
        }
    }

    @Test
    void withoutTheOptInEachClientRefusesNamingTheVariable() throws Exception {
        Map<String, Client> clients = clients();
        for (Map.Entry<String, Client> client : clients.entrySet()) {
            PeerProgram.Result result = client.getValue().ask(false);
            assertThat(result.exitCode()).as(client.getKey()).isNotZero();
            assertThat(result.out() + result.err()).as(client.getKey()).contains("GOOGLE_EXTERNAL_ACCOUNT_ALLOW_EXECUTABLES");
        }
    }
}
