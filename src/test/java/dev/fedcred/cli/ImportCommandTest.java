package dev.fedcred.cli;

import static org.assertj.core.api.Assertions.assertThat;

import dev.fedcred.FedcredContext;
import dev.fedcred.core.aws.AwsRoleTarget;
import dev.fedcred.core.gcp.GcpWorkloadTarget;
import dev.fedcred.testing.CliRun;
import dev.fedcred.testing.FakeBrowser;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Clock;
import java.time.Duration;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * `fedcred import` on real-looking AWS config files and on gcloud credential configurations as
 * the real gcloud writes them (ImportGcloudInteropIT checks that with gcloud itself): candidates are
 * listed, nothing is written before the pick, malformed files are reported and skipped.
 */
class ImportCommandTest {
    static final String AUDIENCE =
            "projects/123456789012/locations/global/workloadIdentityPools/ci-pool/providers/github-oidc";

    @TempDir
    Path home;

    private FedcredContext context(Map<String, String> more) {
        Map<String, String> env = new HashMap<>(Map.of("HOME", home.toString(),
                "FEDCRED_HOME", home.resolve("fedcred").toString(),
                "AWS_SHARED_CREDENTIALS_FILE", home.resolve("aws/credentials").toString(),
                "AWS_CONFIG_FILE", home.resolve("aws/config").toString()));
        env.putAll(more);
        return new FedcredContext(env, Clock.systemUTC(), new FakeBrowser());
    }

    private Path awsConfig() throws Exception {
        Path config = home.resolve("aws/config");
        Files.createDirectories(config.getParent());
        Files.writeString(config, """
                [default]
                region = eu-west-1

                [profile ci-deploy]
                role_arn = arn:aws:iam::123456789012:role/ci-deploy
                web_identity_token_file = /var/run/secrets/token
                role_session_name = ci
                region = eu-central-1
                duration_seconds = 1800

                [profile keys]
                aws_access_key_id = AKIAEXAMPLE

                [profile chained]
                role_arn = arn:aws:iam::123456789012:role/other
                source_profile = keys
                """);
        return config;
    }

    /**
     * The credential configuration {@code gcloud iam workload-identity-pools create-cred-config
     * AUDIENCE --credential-source-file=TOKEN --service-account=deployer@my-project.iam.gserviceaccount.com
     * --service-account-token-lifetime-seconds=1200} writes (gcloud 528); ImportGcloudInteropIT has
     * the real gcloud make it and checks it is this, so this suite needs no gcloud.
     */
    static String credConfigAsGcloudWritesIt(Path tokenFile) {
        return """
                {
                  "universe_domain": "googleapis.com",
                  "type": "external_account",
                  "audience": "//iam.googleapis.com/%s",
                  "subject_token_type": "urn:ietf:params:oauth:token-type:jwt",
                  "token_url": "https://sts.googleapis.com/v1/token",
                  "credential_source": {
                    "file": %s
                  },
                  "service_account_impersonation_url": "https://iamcredentials.googleapis.com/v1/projects/-/serviceAccounts/deployer@my-project.iam.gserviceaccount.com:generateAccessToken",
                  "service_account_impersonation": {
                    "token_lifetime_seconds": 1200
                  }
                }""".formatted(AUDIENCE, dev.fedcred.core.Json.MAPPER.valueToTree(tokenFile.toString()).toString());
    }

    private Path credConfig(String name) throws Exception {
        Path output = home.resolve(name);
        Files.writeString(home.resolve("token"), "x");
        Files.writeString(output, credConfigAsGcloudWritesIt(home.resolve("token")));
        return output;
    }

    @Test
    void listsTheSdksWebIdentityProfilesAndGcloudsCredConfigsWithoutWritingAnything() throws Exception {
        awsConfig();
        Path credConfig = credConfig("gcp-ci.json");
        FedcredContext context = context(Map.of());
        byte[] settingsBefore = Files.exists(context.paths().settingsFile()) ? Files.readAllBytes(context.paths().settingsFile()) : null;

        CliRun run = CliRun.run(context, "import", credConfig.toString());

        assertThat(run.exitCode()).as(run.err()).isZero();
        assertThat(run.out()).contains("ci-deploy").contains("arn:aws:iam::123456789012:role/ci-deploy")
                .contains("AWS config profile ci-deploy in " + home.resolve("aws/config") + " (line 4)")
                .contains("ci-pool-github-oidc").contains("deployer@my-project.iam.gserviceaccount.com")
                .contains("gcloud credential configuration " + credConfig)
                .contains("They sign in with the issuer").contains("Nothing written. Pick with --select NAME...")
                .doesNotContain("chained").doesNotContain("keys ");
        assertThat(context.targets().find("ci-deploy")).isEmpty();
        assertThat(Files.exists(context.paths().settingsFile()) ? Files.readAllBytes(context.paths().settingsFile()) : null)
                .isEqualTo(settingsBefore);
    }

    @Test
    void selectedCandidatesBecomeTargetsWithTheirSettings() throws Exception {
        awsConfig();
        Path credConfig = credConfig("gcp-ci.json");
        FedcredContext context = context(Map.of("GOOGLE_APPLICATION_CREDENTIALS", credConfig.toString()));

        CliRun dryRun = CliRun.run(context, "import", "--select", "ci-deploy", "--dry-run");
        assertThat(dryRun.out()).contains("Nothing written (--dry-run).");
        assertThat(context.targets().find("ci-deploy")).isEmpty();

        CliRun run = CliRun.run(context, "import", "--select", "ci-deploy", "ci-pool-github-oidc");

        assertThat(run.exitCode()).as(run.err()).isZero();
        assertThat(run.out()).contains("Added target ci-deploy (AWS profile fedcred-ci-deploy)")
                .contains("Added target ci-pool-github-oidc");
        AwsRoleTarget aws = (AwsRoleTarget) context.targets().resolve("ci-deploy");
        assertThat(aws.roleArn()).isEqualTo("arn:aws:iam::123456789012:role/ci-deploy");
        assertThat(aws.profile()).isEqualTo("fedcred-ci-deploy");
        assertThat(aws.region()).isEqualTo("eu-central-1");
        assertThat(aws.sessionDuration()).isEqualTo(Duration.ofSeconds(1800));
        assertThat(aws.roleSessionName()).isEqualTo("ci");
        GcpWorkloadTarget gcp = (GcpWorkloadTarget) context.targets().resolve("ci-pool-github-oidc");
        assertThat(gcp.audience()).isEqualTo("//iam.googleapis.com/" + AUDIENCE);
        assertThat(gcp.serviceAccount()).isEqualTo("deployer@my-project.iam.gserviceaccount.com");
        assertThat(gcp.tokenLifetime()).isEqualTo(Duration.ofSeconds(1200));
        assertThat(Files.exists(home.resolve("aws/credentials"))).as("no credentials before an assume").isFalse();
    }

    @Test
    void malformedFilesAreReportedAndSkipped() throws Exception {
        Path config = home.resolve("aws/config");
        Files.createDirectories(config.getParent());
        Files.writeString(config, "[profile broken\nrole_arn = x\n");
        Path notJson = home.resolve("not.json");
        Files.writeString(notJson, "{\"type\": \"external_account\", \u001b[2J");
        Path userAdc = home.resolve("user.json");
        Files.writeString(userAdc, "{\"type\":\"authorized_user\"}");
        Path huge = home.resolve("huge.json");
        Files.write(huge, new byte[2 * 1024 * 1024]);

        CliRun run = CliRun.run(context(Map.of()), "import", notJson.toString(), userAdc.toString(), huge.toString(),
                home.resolve("missing.json").toString());

        assertThat(run.exitCode()).as(run.err()).isZero();
        assertThat(run.out()).contains("Found nothing to import");
        assertThat(run.err()).contains("skipped: " + config).contains("line 1")
                .contains("skipped: " + notJson + " is not JSON")
                .contains("skipped: " + userAdc + " is not an external_account credential configuration (type authorized_user)")
                .contains("skipped: ").contains("huge.json").contains(home.resolve("missing.json") + " is not a file")
                .doesNotContain("\u001b");
    }

    @Test
    void selectingANameNotListedIsAUsageError() throws Exception {
        awsConfig();
        CliRun run = CliRun.run(context(Map.of()), "import", "--select", "nope");
        assertThat(run.exitCode()).isEqualTo(2);
        assertThat(run.err()).contains("No candidate is named \"nope\"");
    }
}
