package dev.fedcred.interop;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import dev.fedcred.core.Json;
import dev.fedcred.core.settings.TargetRegistry;
import java.nio.file.Path;
import java.util.Map;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * Python's google-auth (from the interop venv), as every Python Google Cloud client uses it:
 * google.auth.default() loads the ADC file `fedcred assume sandbox-gcp` writes, refresh() runs its
 * executable source (fedcred) for the ID token and does the STS exchange and impersonation against the sandbox, and the sandbox accepts the token.
 */
class GcpPythonInteropIT {
    @TempDir
    Path dir;

    private InteropHome home;

    @BeforeEach
    void start() throws Exception {
        InteropVenv.python();
        home = new InteropHome(dir);
        home.signIn();
    }

    @AfterEach
    void stop() {
        home.close();
    }

    @Test
    void pythonsGoogleAuthGetsATokenWithTheWrittenAdcFile() throws Exception {
        Path adc = home.assumeGcp();

        PeerProgram.Result python = InteropVenv.script("google_auth_token.py",
                Map.of("GOOGLE_APPLICATION_CREDENTIALS", adc.toString(),
                        // the ADC file's executable source runs fedcred; Google's libraries do so only when allowed
                        "GOOGLE_EXTERNAL_ACCOUNT_ALLOW_EXECUTABLES", "1",
                        // Else google.auth.default() asks Cloud Resource Manager (a fixed Google URL) for it.
                        "GOOGLE_CLOUD_PROJECT", "fedcred-sandbox",
                        // The requests transport trusts this bundle alone, so the sandbox's CA must be it.
                        "REQUESTS_CA_BUNDLE", home.sandbox.endpoints().get("gcp-ca"),
                        "HOME", dir.toString()),
                dir, home.sandbox.endpoints().get("gcp-whoami"));
        assertThat(python.exitCode()).as(python.err()).isZero();
        JsonNode result = Json.MAPPER.readTree(python.out());
        assertThat(result.path("type").asText()).isEqualTo("google.auth.pluggable.Credentials");
        assertThat(result.path("project").asText()).isEqualTo("fedcred-sandbox");
        assertThat(result.path("tokenPrefix").asText()).isEqualTo("ya29.");
        assertThat(result.path("valid").asBoolean()).isTrue();
        assertThat(result.path("whoami").path("email").asText()).isEqualTo(TargetRegistry.SANDBOX_GCP_SERVICE_ACCOUNT);
    }
}
