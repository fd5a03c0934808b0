package dev.fedcred.interop;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import dev.fedcred.core.Json;
import java.nio.file.Files;
import java.nio.file.Path;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * The AWS CLI v2 from Debian's awscli package reads what fedcred writes: the profile from
 * `fedcred assume`, and credential_process from `fedcred aws config-snippet`, each proven with
 * `sts get-caller-identity` signed with the credentials against the sandbox; for an AWS role and
 * for a role reached through it (a chained role).
 */
class AwsCliInteropIT {
    @TempDir
    Path dir;

    private InteropHome home;
    private AwsCli aws;

    @BeforeEach
    void start() throws Exception {
        home = new InteropHome(dir);
        aws = AwsCli.v2(home);
        home.signIn();
    }

    @AfterEach
    void stop() {
        home.close();
    }

    private PeerProgram.Result aws(String... args) throws Exception {
        return aws.run(args);
    }

    @Test
    void theAwsCliUsesTheProfileThatAssumeWrites() throws Exception {
        PeerProgram.Result assume = home.fedcred("assume", "sandbox-aws");
        assertThat(assume.exitCode()).as(assume.err()).isZero();
        assertThat(assume.out()).contains("Wrote AWS profile fedcred-sandbox");
        assertThat(Files.readString(dir.resolve("aws/credentials"))).contains("[fedcred-sandbox]");

        PeerProgram.Result identity = aws("sts", "get-caller-identity", "--profile", "fedcred-sandbox");
        assertThat(identity.exitCode()).as(identity.err()).isZero();
        JsonNode json = Json.MAPPER.readTree(identity.out());
        assertThat(json.path("Arn").asText())
                .isEqualTo(AwsCli.SANDBOX_ARN);
        assertThat(json.path("Account").asText()).isEqualTo("000000000000");
    }

    @Test
    void theAwsCliRunsCredentialProcessFromTheConfigSnippet() throws Exception {
        PeerProgram.Result snippet = home.fedcred("aws", "config-snippet", "sandbox-aws");
        assertThat(snippet.exitCode()).as(snippet.err()).isZero();
        // its own profile name: a credentials-file profile of the target's name would shadow credential_process
        assertThat(snippet.out()).contains("[profile fedcred-sandbox-process]").contains("credential_process = ");
        Path config = dir.resolve("aws/config");
        Files.createDirectories(config.getParent());
        Files.writeString(config, snippet.out());

        PeerProgram.Result identity = aws("sts", "get-caller-identity", "--profile", "fedcred-sandbox-process");
        assertThat(identity.exitCode()).as(identity.err()).isZero();
        assertThat(Json.MAPPER.readTree(identity.out()).path("Arn").asText()).endsWith("/sandbox.user@example.com");
        assertThat(dir.resolve("aws/credentials")).doesNotExist();
    }

    @Test
    void theAwsCliUsesAChainedRolesProfileAndCredentialProcess() throws Exception {
        PeerProgram.Result assume = home.fedcred("assume", "sandbox-aws-chained");
        assertThat(assume.exitCode()).as(assume.err()).isZero();
        assertThat(assume.out()).contains("Wrote AWS profile fedcred-sandbox-chained", "through sandbox-aws");
        String chainedArn = "arn:aws:sts::000000000000:assumed-role/fedcred-sandbox-chained/sandbox.user@example.com";

        PeerProgram.Result identity = aws("sts", "get-caller-identity", "--profile", "fedcred-sandbox-chained");
        assertThat(identity.exitCode()).as(identity.err()).isZero();
        assertThat(Json.MAPPER.readTree(identity.out()).path("Arn").asText()).isEqualTo(chainedArn);

        PeerProgram.Result snippet = home.fedcred("aws", "config-snippet", "sandbox-aws-chained");
        assertThat(snippet.exitCode()).as(snippet.err()).isZero();
        assertThat(snippet.out()).contains("[profile fedcred-sandbox-chained-process]");
        Path config = dir.resolve("aws/config");
        Files.writeString(config, snippet.out(), java.nio.file.StandardOpenOption.CREATE,
                java.nio.file.StandardOpenOption.APPEND);

        PeerProgram.Result process = aws("sts", "get-caller-identity", "--profile", "fedcred-sandbox-chained-process");
        assertThat(process.exitCode()).as(process.err()).isZero();
        assertThat(Json.MAPPER.readTree(process.out()).path("Arn").asText()).isEqualTo(chainedArn);
    }
}
