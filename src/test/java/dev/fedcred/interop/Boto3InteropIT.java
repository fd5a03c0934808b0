package dev.fedcred.interop;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import dev.fedcred.core.Json;
import dev.fedcred.core.settings.TargetRegistry;
import java.nio.file.Path;
import java.util.HashMap;
import java.util.Map;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * boto3 (from the interop venv) as an application uses it: the profile `fedcred assume` writes,
 * and a credential_process profile that botocore refreshes through fedcred inside one long-lived
 * process. Every call goes to the sandbox's STS (endpoint_url and AWS_ENDPOINT_URL_STS).
 */
class Boto3InteropIT {
    private static final String SCRIPT = "boto3_caller_identity.py";
    private static final String SHORT_TARGET = "sandbox-aws-15min";
    private static final String SHORT_PROFILE = "fedcred-sandbox-15min";
    /** Not the profile `assume` writes: a credentials-file profile of the same name would shadow credential_process. */
    private static final String PROCESS_PROFILE = "fedcred-sandbox-15min-process";

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

    private JsonNode boto3(String profile, int calls) throws Exception {
        String sts = home.sandbox.endpoints().get("aws-sts");
        Map<String, String> env = new HashMap<>(home.env);
        // A second guard: a client built without endpoint_url would still go to the sandbox.
        env.put("AWS_ENDPOINT_URL_STS", sts);
        PeerProgram.Result run = InteropVenv.script(SCRIPT, env, dir, profile, sts, String.valueOf(calls));
        assertThat(run.exitCode()).as(run.err()).isZero();
        return Json.MAPPER.readTree(run.out());
    }

    @Test
    void boto3UsesTheProfileAndRegionThatAssumeWrites() throws Exception {
        PeerProgram.Result assume = home.fedcred("assume", "sandbox-aws");
        assertThat(assume.exitCode()).as(assume.err()).isZero();

        JsonNode result = boto3("fedcred-sandbox", 1);
        assertThat(result.path("region").asText()).isEqualTo("us-east-1");
        assertThat(result.path("calls").get(0).path("arn").asText()).isEqualTo(AwsCli.SANDBOX_ARN);
    }

    /**
     * Credentials of 15 minutes (the shortest STS grants) are inside botocore's advisory refresh
     * window from the start, and fedcred renews rather than reuses credentials with under 15
     * minutes left: so each time botocore refreshes it runs fedcred, which assumes the role anew,
     * and the second request is signed with a key the first was not.
     */
    @Test
    void boto3RefreshesCredentialProcessCredentialsThroughFedcredInOneProcess() throws Exception {
        PeerProgram.Result add = home.fedcred("targets", "add-aws", SHORT_TARGET,
                "--role-arn", TargetRegistry.SANDBOX_AWS_ROLE, "--profile", SHORT_PROFILE,
                "--region", "us-east-1", "--duration", "900", "--issuer", "sandbox",
                "--sts-endpoint", home.sandbox.endpoints().get("aws-sts"));
        assertThat(add.exitCode()).as(add.err()).isZero();
        home.addCredentialProcessProfile(PROCESS_PROFILE, SHORT_TARGET, "us-east-1");

        JsonNode calls = boto3(PROCESS_PROFILE, 2).path("calls");
        assertThat(calls).hasSize(2);
        assertThat(calls.get(0).path("arn").asText()).isEqualTo(AwsCli.SANDBOX_ARN);
        assertThat(calls.get(1).path("arn").asText()).isEqualTo(AwsCli.SANDBOX_ARN);
        assertThat(calls.get(1).path("accessKeyId").asText())
                .as("the second call is signed with credentials botocore got from fedcred again")
                .isNotEqualTo(calls.get(0).path("accessKeyId").asText());
        // Only credential_process could have supplied them: nothing was written for the profile.
        assertThat(dir.resolve("aws/credentials")).doesNotExist();
    }
}
