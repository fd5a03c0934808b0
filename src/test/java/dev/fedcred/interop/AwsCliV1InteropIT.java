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
 * proven with `sts get-caller-identity` against the sandbox. v1 is its own code (it reads
 * AWS_DEFAULT_REGION, not AWS_REGION, and refuses to run without a region), so v2 passing does
 * not prove it.
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
        home.addCredentialProcessProfile(PROCESS_PROFILE, "sandbox-aws", "us-east-1");

        assertThat(aws.callerIdentity(PROCESS_PROFILE).path("Arn").asText()).isEqualTo(AwsCli.SANDBOX_ARN);
        // Nothing was written for any profile yet: the credentials came from credential_process.
        assertThat(dir.resolve("aws/credentials")).doesNotExist();

        // `assume` then writes its own profile into the same files; the two live side by side.
        PeerProgram.Result assume = home.fedcred("assume", "sandbox-aws");
        assertThat(assume.exitCode()).as(assume.err()).isZero();
        assertThat(aws.callerIdentity("fedcred-sandbox").path("Arn").asText()).isEqualTo(AwsCli.SANDBOX_ARN);
        assertThat(aws.callerIdentity(PROCESS_PROFILE).path("Arn").asText()).isEqualTo(AwsCli.SANDBOX_ARN);
    }
}
