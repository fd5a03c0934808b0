package dev.fedcred.interop;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import dev.fedcred.core.Json;
import java.nio.file.Path;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * Node's google-auth-library (npm) loads the ADC file `fedcred assume sandbox-gcp` writes,
 * through GOOGLE_APPLICATION_CREDENTIALS, does the STS exchange and impersonation against the
 * sandbox (trusting its CA through NODE_EXTRA_CA_CERTS), and the sandbox confirms the token.
 */
class GcpNodeInteropIT {
    private static final String NODE = "/usr/bin/node";
    private static final Path NODE_PROJECT = Path.of("src/test/node").toAbsolutePath();

    @TempDir
    Path dir;

    private InteropHome home;

    @BeforeEach
    void start() throws Exception {
        PeerProgram.require(NODE, "install Node.js");
        assertThat(NODE_PROJECT.resolve("node_modules/google-auth-library"))
                .as("run `npm ci --prefix src/test/node` first (.ci/run does)").exists();
        home = new InteropHome(dir);
        home.signIn();
    }

    @AfterEach
    void stop() {
        home.close();
    }

    @Test
    void nodesGoogleAuthLibraryGetsATokenWithTheWrittenAdcFile() throws Exception {
        Path adc = home.assumeGcp();

        PeerProgram.Result node = PeerProgram.run(
                List.of(NODE, "adc-access-token.js", home.sandbox.endpoints().get("gcp-whoami")),
                Map.of("GOOGLE_APPLICATION_CREDENTIALS", adc.toString(),
                        "GOOGLE_EXTERNAL_ACCOUNT_ALLOW_EXECUTABLES", "1",
                        "NODE_EXTRA_CA_CERTS", home.sandbox.endpoints().get("gcp-ca"),
                        "HOME", dir.toString()),
                NODE_PROJECT);
        assertThat(node.exitCode()).as(node.err()).isZero();
        JsonNode result = Json.MAPPER.readTree(node.out());
        assertThat(result.path("tokenPrefix").asText()).startsWith("ya29.");
        assertThat(result.path("whoami").path("email").asText())
                .isEqualTo("fedcred-sandbox@fedcred-sandbox.iam.gserviceaccount.com");
    }
}
