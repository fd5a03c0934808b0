package dev.fedcred.cli;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import dev.fedcred.FedcredContext;
import dev.fedcred.sandbox.SandboxOptions;
import dev.fedcred.sandbox.SandboxServer;
import dev.fedcred.testing.CliRun;
import dev.fedcred.testing.FakeBrowser;
import dev.fedcred.testing.MutableClock;
import dev.fedcred.testing.SandboxHome;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.attribute.PosixFilePermissions;
import java.time.Clock;
import java.time.Duration;
import java.util.HashMap;
import java.util.Map;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * `fedcred doctor` against the sandbox with real files in a temporary home: a healthy set-up gives
 * no finding, and each problem planted on the user's side is found with its fix.
 */
class DoctorCommandTest {
    @TempDir
    Path home;

    private SandboxServer sandbox;

    @BeforeEach
    void start() throws Exception {
        sandbox = startSandbox(home);
    }

    @AfterEach
    void stop() {
        sandbox.close();
    }

    static SandboxServer startSandbox(Path home) throws Exception {
        return SandboxServer.start(SandboxOptions.defaults().withPort(0).withAutoApprove(true)
                .withIdTokenLifetime(Duration.ofHours(1)).withDataDir(SandboxHome.sandboxDataDir(home)));
    }

    private FedcredContext context(Map<String, String> more) {
        return context(more, Clock.systemUTC());
    }

    /** No gcloud on this suite's PATH, whatever the machine has: DoctorGcloudInteropIT runs the real one. */
    private FedcredContext context(Map<String, String> more, Clock clock) {
        return context(sandbox, home, home.resolve("bin").toString(), more, clock);
    }

    /** A doctor run's environment: the sandbox's home, gcloud's configuration kept in it, and {@code path} as PATH. */
    static FedcredContext context(SandboxServer sandbox, Path home, String path, Map<String, String> more, Clock clock) {
        Map<String, String> env = new HashMap<>(SandboxHome.environment(sandbox, home));
        env.put("PATH", path);
        // gcloud reads its own configuration from here, never the user's
        env.put("CLOUDSDK_CONFIG", home.resolve("gcloud-config").toString());
        env.putAll(more);
        return new FedcredContext(env, clock, new FakeBrowser());
    }

    private FedcredContext signedIn(Map<String, String> more) {
        return signedIn(context(more));
    }

    static FedcredContext signedIn(FedcredContext context) {
        CliRun login = CliRun.run(context, "login", "--issuer", "sandbox");
        assertThat(login.exitCode()).as(login.err()).isZero();
        return context;
    }

    static CliRun doctor(FedcredContext context, String... args) {
        String[] all = new String[args.length + 1];
        all[0] = "doctor";
        System.arraycopy(args, 0, all, 1, args.length);
        return CliRun.run(context, all);
    }

    @Test
    void aHealthySandboxSetUpGivesNoFindingAndExitsZero() throws Exception {
        FedcredContext context = signedIn(Map.of());
        assertThat(CliRun.run(context, "assume", "sandbox-aws").exitCode()).isZero();
        assertThat(CliRun.run(context, "assume", "sandbox-gcp").exitCode()).isZero();

        CliRun doctor = doctor(context);

        assertThat(doctor.exitCode()).as(doctor.out() + doctor.err()).isZero();
        assertThat(doctor.out()).contains("Checked: sandbox-aws, sandbox-aws-chained, sandbox-gcp")
                .doesNotContain("ERROR").doesNotContain("WARNING").contains("All well: nothing to fix.")
                .contains("Dry run of AssumeRoleWithWebIdentity for arn:aws:iam::000000000000:role/fedcred-sandbox:"
                        + " STS gave credentials for arn:aws:sts::000000000000:assumed-role/fedcred-sandbox/")
                .contains("Dry run of the workload identity exchange").contains("(nothing written)");
        assertThat(doctor.out()).doesNotContain("gcloud (");
        JsonNode json = new ObjectMapper().readTree(doctor(context, "--json", "--no-dry-run").out());
        assertThat(json.get("healthy").asBoolean()).isTrue();
        json.get("findings").forEach(f -> assertThat(f.get("severity").asText()).isEqualTo("note"));
    }

    @Test
    void keysInTheEnvironmentAndAnAwsProfileNoFileDefinesAreFound() {
        FedcredContext context = signedIn(Map.of("AWS_ACCESS_KEY_ID", "AKIAEXAMPLE", "AWS_SESSION_TOKEN", "x",
                "AWS_PROFILE", "nowhere"));

        CliRun doctor = doctor(context, "sandbox-aws", "--no-dry-run");

        assertThat(doctor.exitCode()).isEqualTo(1);
        assertThat(doctor.out()).contains("WARNING target sandbox-aws: AWS_ACCESS_KEY_ID, AWS_SESSION_TOKEN are set:"
                        + " the AWS CLI and SDKs use keys in the environment before any profile")
                .contains("fix: unset AWS_ACCESS_KEY_ID AWS_SECRET_ACCESS_KEY AWS_SESSION_TOKEN")
                .contains("AWS_PROFILE is nowhere, a profile neither AWS file defines")
                .contains("fix: export AWS_PROFILE=fedcred-sandbox")
                .doesNotContain("AKIAEXAMPLE");
    }

    @Test
    void aDuplicateSectionAndAFileOpenToOthersAreFound() throws Exception {
        FedcredContext context = signedIn(Map.of());
        Path credentials = home.resolve("aws/credentials");
        Files.createDirectories(credentials.getParent());
        Files.writeString(credentials, "[ci]\naws_access_key_id = A\n\n[other]\nregion = x\n\n[ci]\naws_secret_access_key = B\n");
        Files.setPosixFilePermissions(credentials, PosixFilePermissions.fromString("rw-r--r--"));
        Files.setPosixFilePermissions(context.paths().tokenCacheFile(), PosixFilePermissions.fromString("rw-r-----"));

        CliRun doctor = doctor(context, "sandbox-aws", "--no-dry-run");

        assertThat(doctor.exitCode()).isEqualTo(1);
        assertThat(doctor.out()).contains("ERROR   target sandbox-aws: " + credentials + " defines the profile ci twice"
                        + " (lines 1 and 7)").contains("fix: Merge the two [ci] sections of " + credentials + " into one.")
                .contains("The AWS credentials file " + credentials + " is open to every user (rw-r--r--)")
                .contains("fix: chmod 600 " + credentials)
                .contains("ERROR   fedcred: The token cache " + context.paths().tokenCacheFile() + " is open to its group")
                .contains("fix: chmod 600 " + context.paths().tokenCacheFile());
    }

    @Test
    void anAwsFileTheSdksCannotReadIsFoundByLineWithoutQuotingIt() throws Exception {
        FedcredContext context = signedIn(Map.of());
        Path config = home.resolve("aws/config");
        Files.createDirectories(config.getParent());
        Files.writeString(config, "[profile a]\nregion = us-east-1\nsecretthing-without-equals\n");

        CliRun doctor = doctor(context, "sandbox-aws", "--no-dry-run");

        assertThat(doctor.exitCode()).isEqualTo(1);
        assertThat(doctor.out()).contains("line 3").contains("fix: Edit line 3 of " + config)
                .doesNotContain("secretthing");
    }

    @Test
    void aCredentialProcessLineNamingAMissingFedcredIsFound() throws Exception {
        FedcredContext context = signedIn(Map.of());
        Path config = home.resolve("aws/config");
        Files.createDirectories(config.getParent());
        Path gone = home.resolve("old/fedcred.jar");
        Files.writeString(config, "[profile fine]\ncredential_process = /usr/bin/env true\n\n"
                + "[profile moved]\ncredential_process = /usr/bin/java -jar " + gone + " credential-process sandbox-aws\n"
                + "\n[profile app]\ncredential_process = '" + home.resolve("opt/fedcred/bin/fedcred") + "' credential-process x\n");

        CliRun doctor = doctor(context, "sandbox-aws", "--no-dry-run");

        assertThat(doctor.exitCode()).isEqualTo(1);
        assertThat(doctor.out()).contains("The profile moved in " + config + " (line 4) runs fedcred through " + gone
                        + ", which is not there").contains("aws install-profile sandbox-aws --profile moved")
                .contains("The profile app in " + config + " (line 7) runs fedcred through "
                        + home.resolve("opt/fedcred/bin/fedcred")).doesNotContain("profile fine");
    }

    @Test
    void googleApplicationCredentialsPointingElsewhereIsFound() {
        Path elsewhere = home.resolve("somewhere/else.json");
        FedcredContext context = signedIn(Map.of("GOOGLE_APPLICATION_CREDENTIALS", elsewhere.toString()));

        CliRun doctor = doctor(context, "sandbox-gcp", "--no-dry-run");

        assertThat(doctor.exitCode()).isEqualTo(1);
        assertThat(doctor.out()).contains("WARNING target sandbox-gcp: GOOGLE_APPLICATION_CREDENTIALS points at "
                        + elsewhere + ", so Google's libraries read that file, not "
                        + home.resolve("fedcred/state/sandbox/gcp-application_default_credentials.json"))
                .contains("fix: export GOOGLE_APPLICATION_CREDENTIALS=" + home.resolve("fedcred/state/sandbox"));
    }

    @Test
    void aClockOffFromTheIssuersDateIsFound() {
        signedIn(Map.of());
        MutableClock skewed = new MutableClock();
        skewed.advance(Duration.ofMinutes(5));

        CliRun doctor = doctor(context(Map.of(), skewed), "sandbox-aws", "--no-dry-run");

        assertThat(doctor.exitCode()).isEqualTo(1);
        assertThat(doctor.out()).containsPattern("ERROR   issuer sandbox: This computer's clock is 30\\d s ahead of the"
                + " clock of sandbox \\(sandbox\\)").contains("fix: Set the clock right");
        assertThat(doctor(context(Map.of()), "sandbox-aws", "--no-dry-run").out()).doesNotContain("clock");
    }

    @Test
    void signedOutIsFoundAndTheDryRunIsNotTried() {
        FedcredContext context = context(Map.of());

        CliRun doctor = doctor(context, "sandbox-aws");

        assertThat(doctor.exitCode()).isEqualTo(1);
        assertThat(doctor.out()).contains("ERROR   issuer sandbox: Not signed in to sandbox (sandbox).")
                .contains("fix: ").contains("login --issuer sandbox").doesNotContain("Dry run");
    }

    @Test
    void anIssuerThatDoesNotAnswerIsFoundWithHowToStartIt() {
        FedcredContext context = signedIn(Map.of());
        sandbox.close();

        CliRun doctor = doctor(context, "sandbox-aws");

        assertThat(doctor.exitCode()).isEqualTo(1);
        assertThat(doctor.out()).contains("ERROR   issuer sandbox: The issuer sandbox (sandbox) did not answer at "
                + "http://127.0.0.1:").contains("fix: Start the sandbox").doesNotContain("Dry run");
    }

    @Test
    void aRefusedExchangeIsFoundByTheDryRunWithoutWritingAnything() throws Exception {
        FedcredContext context = signedIn(Map.of());
        assertThat(CliRun.run(context, "targets", "add-aws", "denied", "--role-arn",
                "arn:aws:iam::000000000000:role/fedcred-sandbox-other-user", "--profile", "denied", "--issuer", "sandbox",
                "--sts-endpoint", sandbox.endpoints().get("aws-sts")).exitCode()).isZero();

        CliRun doctor = doctor(context, "denied");

        assertThat(doctor.exitCode()).isEqualTo(1);
        assertThat(doctor.out()).contains("ERROR   target denied: Dry run of AssumeRoleWithWebIdentity for"
                + " arn:aws:iam::000000000000:role/fedcred-sandbox-other-user failed:").contains("fix: Change the cloud's set-up");
        assertThat(home.resolve("aws/credentials")).doesNotExist();
        assertThat(context.aws().cached((dev.fedcred.core.aws.AwsRoleTarget) context.targets().resolve("denied"))).isEmpty();
    }

    @Test
    void anUnknownTargetIsAFailureAndTwoTargetsAUsageError() {
        FedcredContext context = context(Map.of());
        assertThat(doctor(context, "nope").exitCode()).isEqualTo(1);
        assertThat(doctor(context, "a", "b").exitCode()).isEqualTo(2);
    }
}
