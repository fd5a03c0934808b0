package dev.fedcred.cli;

import dev.fedcred.testing.SandboxHome;
import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import dev.fedcred.FedcredContext;
import dev.fedcred.core.Json;
import dev.fedcred.sandbox.SandboxOptions;
import dev.fedcred.sandbox.SandboxServer;
import dev.fedcred.testing.ChildJvm;
import dev.fedcred.testing.CliRun;
import dev.fedcred.testing.FakeBrowser;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.attribute.PosixFilePermissions;
import java.time.Clock;
import java.time.Duration;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import software.amazon.awssdk.profiles.ProfileFile;

/** The AWS commands in-process against the sandbox, with real files in a temporary home. */
class CliAwsEndToEndTest {
    @TempDir
    Path home;

    private SandboxServer sandbox;
    private FedcredContext context;

    private void start(Duration idTokenLifetime) throws Exception {
        sandbox = SandboxServer.start(SandboxOptions.defaults().withPort(0).withAutoApprove(true)
                .withIdTokenLifetime(idTokenLifetime));
        context = new FedcredContext(SandboxHome.environment(sandbox, home),
                Clock.systemUTC(), new FakeBrowser());
    }

    @AfterEach
    void stop() {
        if (sandbox != null) {
            sandbox.close();
        }
    }

    private Path credentials() {
        return home.resolve("aws/credentials");
    }

    private void login() {
        CliRun login = CliRun.run(context, "login", "--issuer", "sandbox");
        assertThat(login.exitCode()).as(login.err()).isZero();
    }

    @Test
    void assumeWritesAPrivateProfileTheSdkReads() throws Exception {
        start(Duration.ofHours(1));
        login();
        CliRun assume = CliRun.run(context, "assume", "sandbox-aws");
        assertThat(assume.exitCode()).as(assume.err()).isZero();
        assertThat(assume.out()).contains("Wrote AWS profile fedcred-sandbox to " + credentials())
                .contains("assumed-role/fedcred-sandbox/sandbox.user@example.com").contains("(in 0:59:");

        var profile = ProfileFile.builder().content(credentials()).type(ProfileFile.Type.CREDENTIALS).build()
                .profile("fedcred-sandbox").orElseThrow();
        assertThat(profile.property("aws_access_key_id")).get().asString().startsWith("ASIA");
        assertThat(profile.property("x_fedcred_managed")).contains("sandbox-aws");
        assertThat(Files.readString(home.resolve("aws/config"))).contains("[profile fedcred-sandbox]").contains("region = us-east-1");
        assertThat(PosixFilePermissions.toString(Files.getPosixFilePermissions(credentials()))).isEqualTo("rw-------");
        assertThat(assume.out() + assume.err()).doesNotContain(profile.property("aws_secret_access_key").orElseThrow());

        CliRun remove = CliRun.run(context, "aws", "remove", "fedcred-sandbox");
        assertThat(remove.out()).contains("Removed AWS profile fedcred-sandbox");
        assertThat(Files.readString(credentials())).doesNotContain("fedcred-sandbox");
    }

    @Test
    void aProfileTheUserWroteIsOnlyReplacedWithForce() throws Exception {
        start(Duration.ofHours(1));
        login();
        Files.createDirectories(credentials().getParent());
        String handWritten = "[fedcred-sandbox]\naws_access_key_id = AKIAFAKEHANDWRITTEN1\naws_secret_access_key = fake\n";
        Files.writeString(credentials(), handWritten);

        CliRun refused = CliRun.run(context, "assume", "sandbox-aws");
        assertThat(refused.exitCode()).isEqualTo(1);
        assertThat(refused.err()).contains("--force");
        assertThat(Files.readString(credentials())).isEqualTo(handWritten);
        assertThat(context.aws().cached((dev.fedcred.core.aws.AwsRoleTarget) context.targets().resolve("sandbox-aws")))
                .as("refused before any credentials were fetched").isEmpty();

        CliRun forced = CliRun.run(context, "assume", "sandbox-aws", "--force");
        assertThat(forced.exitCode()).as(forced.err()).isZero();
        assertThat(Files.readString(credentials())).doesNotContain("AKIAFAKEHANDWRITTEN1").contains("x_fedcred_managed");
    }

    @Test
    void theConfigSnippetAppendedAsTheReadmeSaysLeavesAConfigEveryToolAndFedcredStillRead() throws Exception {
        start(Duration.ofHours(1));
        login();
        assertThat(CliRun.run(context, "assume", "sandbox-aws").exitCode()).isZero();
        Path config = home.resolve("aws/config");

        CliRun snippet = CliRun.run(context, "aws", "config-snippet", "sandbox-aws");
        assertThat(snippet.exitCode()).as(snippet.err()).isZero();
        assertThat(snippet.out()).startsWith("[profile fedcred-sandbox-process]")
                .contains("credential_process = ").contains("credential-process sandbox-aws");
        Files.writeString(config, snippet.out(), java.nio.file.StandardOpenOption.APPEND); // >> ~/.aws/config

        var profiles = ProfileFile.builder().content(config).type(ProfileFile.Type.CONFIGURATION).build().profiles();
        assertThat(profiles.get("fedcred-sandbox-process").property("credential_process")).isPresent();
        CliRun again = CliRun.run(context, "assume", "sandbox-aws");
        assertThat(again.exitCode()).as(again.err()).isZero();

        CliRun colliding = CliRun.run(context, "aws", "config-snippet", "sandbox-aws");
        assertThat(colliding.exitCode()).isEqualTo(1);
        assertThat(colliding.out()).isEmpty();
        assertThat(colliding.err()).contains("'fedcred-sandbox-process' is already defined (" + config);
        CliRun targetsOwn = CliRun.run(context, "aws", "config-snippet", "sandbox-aws", "--profile", "fedcred-sandbox");
        assertThat(targetsOwn.exitCode()).isEqualTo(1);
        assertThat(targetsOwn.err()).contains("is the profile the target sandbox-aws writes its credentials to");
    }

    @Test
    void installProfileWritesTheCredentialProcessProfileAndAwsRemoveTakesItOut() throws Exception {
        start(Duration.ofHours(1));
        Path config = home.resolve("aws/config");
        Files.createDirectories(config.getParent());
        Files.writeString(config, "[profile mine]\nregion = eu-west-1\n");

        CliRun install = CliRun.run(context, "aws", "install-profile", "sandbox-aws", "--profile", "sandbox-cp");
        assertThat(install.exitCode()).as(install.err()).isZero();
        assertThat(install.out()).contains("Wrote the AWS profile sandbox-cp to " + config)
                .contains("aws --profile sandbox-cp sts get-caller-identity --endpoint-url " + sandbox.endpoints().get("aws-sts"));
        var profile = ProfileFile.builder().content(config).type(ProfileFile.Type.CONFIGURATION).build()
                .profile("sandbox-cp").orElseThrow();
        assertThat(profile.property("credential_process")).get().asString().endsWith("credential-process sandbox-aws");
        assertThat(profile.property("region")).contains("us-east-1");

        CliRun refused = CliRun.run(context, "aws", "install-profile", "sandbox-aws", "--profile", "mine");
        assertThat(refused.exitCode()).isEqualTo(1);
        assertThat(refused.err()).contains("was not written by fedcred").contains("--force");

        CliRun remove = CliRun.run(context, "aws", "remove", "sandbox-cp");
        assertThat(remove.exitCode()).as(remove.err()).isZero();
        assertThat(remove.out()).contains("Removed AWS profile sandbox-cp");
        assertThat(Files.readString(config)).isEqualTo("[profile mine]\nregion = eu-west-1\n");
    }

    @Test
    void theSnippetNamesTheInstalledCommandNotTheJavaBehindIt() throws Exception {
        Map<String, String> env = Map.of("HOME", home.toString(), "FEDCRED_HOME", home.resolve("fedcred").toString(),
                "AWS_SHARED_CREDENTIALS_FILE", home.resolve("aws/credentials").toString(),
                "AWS_CONFIG_FILE", home.resolve("aws/config").toString());
        ChildJvm installed = ChildJvm.runMain(home, env, List.of("-Djpackage.app-path=/usr/bin/fedcred"),
                "aws", "config-snippet", "sandbox-aws");
        assertThat(installed.exitCode()).as(installed.err()).isZero();
        assertThat(installed.out()).contains("credential_process = /usr/bin/fedcred credential-process sandbox-aws\n");
    }

    @Test
    void credentialProcessReusesFreshCredentialsAndEnvPrintsExports() throws Exception {
        start(Duration.ofHours(1));
        login();
        JsonNode first = Json.MAPPER.readTree(CliRun.run(context, "credential-process", "sandbox-aws").out());
        assertThat(first.path("Version").asInt()).isEqualTo(1);
        assertThat(first.path("AccessKeyId").asText()).startsWith("ASIA");
        assertThat(first.path("SecretAccessKey").asText()).isNotBlank();
        assertThat(first.path("SessionToken").asText()).isNotBlank();
        assertThat(first.path("Expiration").asText()).endsWith("Z");

        JsonNode second = Json.MAPPER.readTree(CliRun.run(context, "credential-process", "sandbox-aws").out());
        assertThat(second.path("AccessKeyId").asText()).isEqualTo(first.path("AccessKeyId").asText());

        CliRun env = CliRun.run(context, "env", "sandbox-aws");
        assertThat(env.out()).contains("export AWS_ACCESS_KEY_ID='" + first.path("AccessKeyId").asText() + "'")
                .contains("export AWS_SESSION_TOKEN='").contains("export AWS_REGION='us-east-1'")
                // botocore and the AWS CLI v1 read only AWS_DEFAULT_REGION; botocore's environment provider the expiry
                .contains("export AWS_DEFAULT_REGION='us-east-1'")
                .contains("export AWS_CREDENTIAL_EXPIRATION='" + first.path("Expiration").asText() + "'");
        assertThat(credentials()).doesNotExist();
    }

    @Test
    void credentialProcessRenewsAnAgeingIdTokenThroughTheRefreshToken() throws Exception {
        start(Duration.ofSeconds(30));
        login();
        String before = Json.MAPPER.readTree(CliRun.run(context, "claims").out()).path("claims").path("iat").asText();
        Thread.sleep(1100);
        CliRun process = CliRun.run(context, "credential-process", "sandbox-aws");
        assertThat(process.exitCode()).as(process.err()).isZero();
        String after = Json.MAPPER.readTree(CliRun.run(context, "claims").out()).path("claims").path("iat").asText();
        assertThat(after).isNotEqualTo(before);
    }

    @Test
    void credentialProcessWithoutASignInExitsThreeAndSaysHow() throws Exception {
        start(Duration.ofHours(1));
        CliRun process = CliRun.run(context, "credential-process", "sandbox-aws");
        assertThat(process.exitCode()).isEqualTo(3);
        assertThat(process.out()).isEmpty();
        assertThat(process.err()).contains("not signed in to sandbox").contains("fedcred login --issuer sandbox");
    }

    @Test
    void targetsCanBeAddedListedAndRemoved() throws Exception {
        start(Duration.ofHours(1));
        CliRun add = CliRun.run(context, "targets", "add-aws", "dev", "--role-arn", "arn:aws:iam::000000000000:role/dev",
                "--profile", "dev", "--region", "eu-west-1", "--duration", "7200");
        assertThat(add.exitCode()).as(add.err()).isZero();
        assertThat(CliRun.run(context, "targets", "list").out())
                .containsPattern("dev\\s+aws\\s+arn:aws:iam::000000000000:role/dev\\s+AWS profile dev")
                .containsPattern("sandbox-aws\\s+aws");
        CliRun bad = CliRun.run(context, "targets", "add-aws", "x", "--role-arn", "not-an-arn", "--profile", "x");
        assertThat(bad.exitCode()).isEqualTo(1);
        assertThat(bad.err()).contains("is not an IAM role ARN");
        CliRun snippet = CliRun.run(context, "aws", "config-snippet", "dev");
        assertThat(snippet.out()).contains("[profile dev-process]").contains("credential_process = ")
                .contains("credential-process dev").contains("region = eu-west-1");
        assertThat(CliRun.run(context, "targets", "remove", "dev").out()).contains("Removed target dev");
    }

    @Test
    void aConfigFileFedcredCannotParseStopsAssumeBeforeStsAndNothingIsWritten() throws Exception {
        start(Duration.ofHours(1));
        login();
        Path config = home.resolve("aws/config");
        Files.createDirectories(config.getParent());
        String broken = "[profile work]\nregion = eu-west-1\nthis line is not a key = value line\n";
        Files.writeString(config, broken.replace(" = value line", ""));
        String before = Files.readString(config);

        CliRun assume = CliRun.run(context, "assume", "sandbox-aws");

        assertThat(assume.exitCode()).isEqualTo(1);
        assertThat(assume.err()).contains(config.toString()).contains("line 3");
        assertThat(credentials()).as("no credentials written without their config").doesNotExist();
        assertThat(Files.readString(config)).isEqualTo(before);
        assertThat(context.aws().cached((dev.fedcred.core.aws.AwsRoleTarget) context.targets().resolve("sandbox-aws")))
                .as("refused before STS was called").isEmpty();
    }

    @Test
    void aReadOnlyCredentialsFileStopsAssumeBeforeStsAndKeepsTheUsersChoice() throws Exception {
        start(Duration.ofHours(1));
        login();
        Files.createDirectories(credentials().getParent());
        String mine = "[mine]\naws_access_key_id = AKIAFAKEREADONLY0001\naws_secret_access_key = fake\n";
        Files.writeString(credentials(), mine);
        Files.setPosixFilePermissions(credentials(), PosixFilePermissions.fromString("r--------"));

        CliRun assume = CliRun.run(context, "assume", "sandbox-aws");

        assertThat(assume.exitCode()).isEqualTo(1);
        assertThat(assume.err()).contains(credentials() + " is read-only").contains("chmod u+w");
        assertThat(Files.readString(credentials())).isEqualTo(mine);
        assertThat(PosixFilePermissions.toString(Files.getPosixFilePermissions(credentials()))).isEqualTo("r--------");
        assertThat(context.aws().cached((dev.fedcred.core.aws.AwsRoleTarget) context.targets().resolve("sandbox-aws")))
                .as("refused before STS was called").isEmpty();
    }
}
