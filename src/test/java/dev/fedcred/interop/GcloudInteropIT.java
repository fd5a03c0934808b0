package dev.fedcred.interop;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import dev.fedcred.core.Json;
import dev.fedcred.core.settings.TargetRegistry;
import dev.fedcred.testing.SandboxCaTrust;
import java.net.URI;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * gcloud (the Google Cloud CLI, which this machine image ships as /usr/bin/gcloud) reads the ADC
 * file `fedcred assume sandbox-gcp` writes: `auth login --cred-file`, then `auth
 * print-access-token` gives a token the sandbox accepts.
 *
 * <p>gcloud is not in Debian's archive, so .ci/run cannot install it: where it is absent this test
 * fails, saying so ({@link PeerProgram#gcloud()}).
 */
class GcloudInteropIT {

    @TempDir
    Path dir;

    private InteropHome home;
    private String gcloud;

    @BeforeEach
    void start() throws Exception {
        gcloud = PeerProgram.gcloud().toString();
        home = new InteropHome(dir);
        home.signIn();
    }

    @AfterEach
    void stop() {
        if (home != null) {
            home.close();
        }
    }

    private PeerProgram.Result gcloud(String... args) throws Exception {
        String ca = home.sandbox.endpoints().get("gcp-ca");
        List<String> command = new ArrayList<>(List.of(gcloud));
        command.addAll(List.of(args));
        return PeerProgram.run(command, Map.of(
                "CLOUDSDK_CONFIG", dir.resolve("gcloud").toString(),
                // gcloud's own setting, and the one its requests transport reads, which overrides it.
                "CLOUDSDK_CORE_CUSTOM_CA_CERTS_FILE", ca,
                "REQUESTS_CA_BUNDLE", ca,
                "CLOUDSDK_CORE_DISABLE_PROMPTS", "1",
                "GOOGLE_EXTERNAL_ACCOUNT_ALLOW_EXECUTABLES", "1",
                "CLOUDSDK_COMPONENT_MANAGER_DISABLE_UPDATE_CHECK", "true",
                "CLOUDSDK_CORE_DISABLE_USAGE_REPORTING", "true",
                "HOME", dir.toString()), dir);
    }

    @Test
    void gcloudPrintsATokenTheSandboxAcceptsFromTheWrittenAdcFile() throws Exception {
        Path adc = home.assumeGcp();

        PeerProgram.Result login = gcloud("auth", "login", "--cred-file=" + adc);
        assertThat(login.exitCode()).as(login.err()).isZero();
        PeerProgram.Result token = gcloud("auth", "print-access-token");
        assertThat(token.exitCode()).as(token.err()).isZero();
        String accessToken = token.out().strip();
        assertThat(accessToken).startsWith("ya29.");

        HttpResponse<String> whoami = SandboxCaTrust.httpClient(Path.of(home.sandbox.endpoints().get("gcp-ca"))).send(
                HttpRequest.newBuilder(URI.create(home.sandbox.endpoints().get("gcp-whoami")))
                        .header("Authorization", "Bearer " + accessToken).build(),
                HttpResponse.BodyHandlers.ofString());
        assertThat(whoami.statusCode()).as(whoami.body()).isEqualTo(200);
        JsonNode identity = Json.MAPPER.readTree(whoami.body());
        assertThat(identity.path("email").asText()).isEqualTo(TargetRegistry.SANDBOX_GCP_SERVICE_ACCOUNT);
    }
}
