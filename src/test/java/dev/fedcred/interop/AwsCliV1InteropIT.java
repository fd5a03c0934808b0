package dev.fedcred.interop;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import java.nio.file.Path;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * The AWS CLI v1 (botocore, from the interop venv) reads what fedcred writes: the profile and
 * region `fedcred assume` writes, and a credential_process profile in the config file, each
 * proven with `sts get-caller-identity` against the sandbox. v1 resolves regions and profiles
 * differently from v2 (AWS_DEFAULT_REGION, not AWS_REGION), so v2 passing proves nothing here.
 */
class AwsCliV1InteropIT {
    /** Not the profile `assume` writes: a credentials-file profile of the same name would shadow credential_process. */
    private static final String PROCESS_PROFILE = "fedcred-sandbox-process";

    @TempDir
    Path dir;

    private InteropHome home;
    private AwsCli aws;

    @BeforeEach
    void start() throws Exception {
        home = new InteropHome(dir);
        aws = AwsCli.v1(home);
        assertThat(aws.version()).startsWith("aws-cli/1.");
        home.signIn();
    }

    @AfterEach
    void stop() {
        home.close();
    }

    @Test
    void theAwsCliV1UsesTheProfileAndRegionThatAssumeWrites() throws Exception {
        PeerProgram.Result assume = home.fedcred("assume", "sandbox-aws");
        assertThat(assume.exitCode()).as(assume.err()).isZero();

        JsonNode identity = aws.callerIdentity("fedcred-sandbox");
        assertThat(identity.path("Arn").asText()).isEqualTo(AwsCli.SANDBOX_ARN);
        assertThat(identity.path("Account").asText()).isEqualTo("000000000000");
    }

    @Test
    void theAwsCliV1RunsFedcredAsCredentialProcessBesideTheWrittenProfile() throws Exception {
        PeerProgram.Result assume = home.fedcred("assume", "sandbox-aws");
        assertThat(assume.exitCode()).as(assume.err()).isZero();
        home.addCredentialProcessProfile(PROCESS_PROFILE, "sandbox-aws", "us-east-1");

        assertThat(aws.callerIdentity(PROCESS_PROFILE).path("Arn").asText()).isEqualTo(AwsCli.SANDBOX_ARN);
        // Both profiles live side by side in the same two files, and the written one still works.
        assertThat(aws.callerIdentity("fedcred-sandbox").path("Arn").asText()).isEqualTo(AwsCli.SANDBOX_ARN);
    }
}
