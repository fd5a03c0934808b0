package dev.fedcred.core.aws.chained;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import dev.fedcred.FedcredContext;
import dev.fedcred.core.CredentialsException;
import dev.fedcred.core.builtin.SandboxTargets;
import dev.fedcred.core.renewal.RenewalOutcome;
import dev.fedcred.core.session.SignInRequiredException;
import dev.fedcred.core.targets.TargetKinds;
import dev.fedcred.sandbox.SandboxAws;
import dev.fedcred.sandbox.SandboxOptions;
import dev.fedcred.sandbox.SandboxServer;
import dev.fedcred.testing.CliRun;
import dev.fedcred.testing.FakeBrowser;
import dev.fedcred.testing.MutableClock;
import dev.fedcred.testing.SandboxHome;
import java.net.URI;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.List;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import software.amazon.awssdk.auth.credentials.ProfileCredentialsProvider;
import software.amazon.awssdk.http.urlconnection.UrlConnectionHttpClient;
import software.amazon.awssdk.profiles.ProfileFile;
import software.amazon.awssdk.regions.Region;
import software.amazon.awssdk.services.sts.StsClient;

/**
 * Chained AWS roles end to end against the sandbox, with the real SDK on both sides: fedcred's
 * AssumeRole signed with the source's session, and an SDK client reading the profile it wrote.
 * fedcred's clock is one the test moves to watch renewal; the sandbox keeps the real time, as AWS
 * does, because the SDK signs requests with the real time (a moved sandbox clock would see them as
 * replayed).
 */
class ChainedRoleTest {
    @TempDir
    Path home;

    private final MutableClock clock = new MutableClock();
    private SandboxServer sandbox;
    private FedcredContext context;

    @BeforeEach
    void start() throws Exception {
        // ID tokens outlive the clock moves below, so only the AWS sessions fall due
        sandbox = SandboxServer.start(SandboxOptions.defaults().withPort(0).withGcpPort(0).withAutoApprove(true)
                .withIdTokenLifetime(Duration.ofHours(3)).withDataDir(SandboxHome.sandboxDataDir(home)));
        context = new FedcredContext(SandboxHome.environment(sandbox, home), clock, new FakeBrowser());
    }

    @AfterEach
    void stop() {
        sandbox.close();
    }

    private void signIn() {
        assertThat(CliRun.run(context, "login", "--issuer", "sandbox").exitCode()).isZero();
    }

    private TargetKinds.Bound<?> target(String name) {
        return context.kinds().of(context.targets().resolve(name));
    }

    private CliRun add(String name, String... settings) {
        List<String> args = new java.util.ArrayList<>(List.of("targets", "add", ChainedRoleKind.ID, name));
        args.addAll(List.of(settings));
        return CliRun.run(context, args.toArray(String[]::new));
    }

    private Path credentialsFile() {
        return home.resolve("aws/credentials");
    }

    /** Who the profile's credentials are, asked of the sandbox STS by an SDK client that reads the profile. */
    private String callerOf(String profile) {
        ProfileFile file = ProfileFile.builder().content(credentialsFile()).type(ProfileFile.Type.CREDENTIALS).build();
        try (StsClient sts = StsClient.builder().region(Region.US_EAST_1)
                .endpointOverride(URI.create(sandbox.endpoints().get("aws-sts")))
                .credentialsProvider(ProfileCredentialsProvider.builder().profileFile(file).profileName(profile).build())
                .httpClientBuilder(UrlConnectionHttpClient.builder()).build()) {
            return sts.getCallerIdentity().arn();
        }
    }

    @Test
    void theBuiltInChainedTargetWritesAProfileThatTheSdkUses() throws Exception {
        signIn();
        List<String> report = target(SandboxTargets.SANDBOX_AWS_CHAINED).obtain(false).report();

        assertThat(report.get(0)).contains("Wrote AWS profile fedcred-sandbox-chained", "through sandbox-aws",
                "assumed-role/fedcred-sandbox-chained/");
        assertThat(report.get(1)).contains("--endpoint-url");
        assertThat(callerOf(SandboxTargets.SANDBOX_AWS_CHAINED_PROFILE))
                .startsWith("arn:aws:sts::000000000000:assumed-role/fedcred-sandbox-chained/");
        assertThat(Files.readString(credentialsFile())).contains("x_fedcred_managed");
        assertThat(target(SandboxTargets.SANDBOX_AWS_CHAINED).writtenByFedcred()).isTrue();
    }

    @Test
    void aChainOfTwoReachesTheSecondRoleAndCredentialProcessAnswersForIt() {
        signIn();
        assertThat(add("first", "source=sandbox-aws", "role_arn=" + SandboxAws.CHAINED_ROLE_ARN, "profile=first").exitCode())
                .isZero();
        assertThat(add("second", "source=first", "role_arn=" + SandboxAws.SECOND_CHAINED_ROLE_ARN, "profile=second")
                .exitCode()).isZero();

        CliRun process = CliRun.run(context, "credential-process", "second");
        assertThat(process.exitCode()).as(process.err()).isZero();
        assertThat(process.out()).contains("\"AccessKeyId\"", "\"SessionToken\"");
        CliRun env = CliRun.run(context, "env", "second");
        assertThat(env.out()).contains("export AWS_SESSION_TOKEN=");
        CliRun list = CliRun.run(context, "targets", "list");
        assertThat(list.out()).containsPattern("second +aws-chained +" + SandboxAws.SECOND_CHAINED_ROLE_ARN.replace(".", "\\.")
                + " +AWS profile second +sandbox");
    }

    @Test
    void renewalRenewsTheSourceBeforeTheTargetMadeFromIt() {
        signIn();
        // a user's target comes before the built-in source in the list of targets
        assertThat(add("work", "source=sandbox-aws", "role_arn=" + SandboxAws.CHAINED_ROLE_ARN, "profile=work").exitCode())
                .isZero();
        assertThat(CliRun.run(context, "assume", "sandbox-aws").exitCode()).isZero();
        assertThat(CliRun.run(context, "assume", "work").exitCode()).isZero();
        String sourceKey = context.aws().cached(context.kinds().as(context.targets().resolve("sandbox-aws"),
                dev.fedcred.core.aws.AwsRoleTarget.class).orElseThrow()).orElseThrow().accessKeyId();

        assertThat(target("work").cachedExpiry()).isPresent();
        assertThat(target("work").writtenByFedcred()).isTrue();
        clock.advance(Duration.ofMinutes(56));
        List<RenewalOutcome> outcomes = context.renewer().renewDue();

        assertThat(outcomes).allSatisfy(outcome -> assertThat(outcome.failure()).isNull());
        assertThat(outcomes).extracting(RenewalOutcome::name).containsSubsequence("sandbox-aws", "work");
        assertThat(Files.exists(credentialsFile())).isTrue();
        assertThat(callerOf("fedcred-sandbox")).contains("assumed-role/fedcred-sandbox/");
        assertThat(callerOf("work")).contains("assumed-role/fedcred-sandbox-chained/");
        assertThat(sourceKey).isNotBlank();
    }

    @Test
    void aDurationOverOneHourIsRefusedWithTheReason() {
        CliRun added = add("long", "source=sandbox-aws", "role_arn=" + SandboxAws.CHAINED_ROLE_ARN, "profile=long",
                "duration_seconds=7200");
        assertThat(added.exitCode()).isNotZero();
        assertThat(added.err()).contains("at most 3600 seconds (one hour), not 7200",
                "AWS caps every session reached by role chaining at one hour");
        assertThat(context.targets().find("long")).isEmpty();
    }

    @Test
    void accessDeniedNamesTheSourceSessionAndTheTrustStatementTheRoleNeeds() {
        signIn();
        assertThat(add("denied", "source=sandbox-aws", "role_arn=" + SandboxAws.SECOND_CHAINED_ROLE_ARN,
                "profile=denied").exitCode()).isZero();

        assertThatThrownBy(() -> target("denied").obtain(false)).isInstanceOfSatisfying(CredentialsException.class, e -> {
            assertThat(e.remedy()).isEqualTo(CredentialsException.Remedy.FIX_CLOUD_SETUP);
            assertThat(e.errorCode()).isEqualTo("AccessDenied");
            assertThat(e.getMessage()).contains("the session arn:aws:sts::000000000000:assumed-role/fedcred-sandbox/",
                    "(from the target sandbox-aws)",
                    "{\"Effect\":\"Allow\",\"Principal\":{\"AWS\":\"arn:aws:iam::000000000000:role/fedcred-sandbox\"},"
                            + "\"Action\":\"sts:AssumeRole\"}");
        });
        assertThat(Files.exists(credentialsFile()) ? readCredentials() : "").doesNotContain("[denied]");
    }

    @Test
    void aWrongExternalIdIsExplainedWithTheConditionTheTrustNeeds() {
        signIn();
        assertThat(add("wrong-id", "source=sandbox-aws", "role_arn=" + SandboxAws.CHAINED_EXTERNAL_ROLE_ARN,
                "profile=wrong-id", "external_id=not-the-one").exitCode()).isZero();
        assertThat(add("right-id", "source=sandbox-aws", "role_arn=" + SandboxAws.CHAINED_EXTERNAL_ROLE_ARN,
                "profile=right-id", "external_id=" + SandboxAws.CHAINED_EXTERNAL_ID).exitCode()).isZero();

        assertThatThrownBy(() -> target("wrong-id").obtain(false)).isInstanceOfSatisfying(CredentialsException.class, e ->
                assertThat(e.getMessage()).contains("\"Condition\":{\"StringEquals\":{\"sts:ExternalId\":\"not-the-one\"}}"));
        target("right-id").obtain(false);
        assertThat(callerOf("right-id")).contains("assumed-role/fedcred-sandbox-chained-external/");
    }

    @Test
    void aSignedOutSourceSaysWhichSourceAndWhoToSignInTo() {
        assertThatThrownBy(() -> target(SandboxTargets.SANDBOX_AWS_CHAINED).obtain(false))
                .isInstanceOfSatisfying(SignInRequiredException.class, e -> {
                    assertThat(e.issuerName()).isEqualTo("sandbox");
                    assertThat(e.getMessage()).contains("its source target sandbox-aws needs a sign-in with the issuer"
                            + " sandbox", "fedcred login --issuer sandbox");
                });
        CliRun assume = CliRun.run(context, "assume", SandboxTargets.SANDBOX_AWS_CHAINED);
        assertThat(assume.exitCode()).as("a browser sign-in is needed").isEqualTo(3);
        assertThat(assume.err()).contains("source target sandbox-aws");
    }

    @Test
    void aSourceThatIsMissingNotAwsOrLeadsRoundInACircleIsRefused() {
        assertThat(add("c1", "source=sandbox-aws", "role_arn=" + SandboxAws.CHAINED_ROLE_ARN, "profile=c1").exitCode()).isZero();
        assertThat(add("c2", "source=c1", "role_arn=" + SandboxAws.SECOND_CHAINED_ROLE_ARN, "profile=c2").exitCode()).isZero();

        CliRun cycle = add("c1", "source=c2", "role_arn=" + SandboxAws.CHAINED_ROLE_ARN, "profile=c1");
        assertThat(cycle.exitCode()).isNotZero();
        assertThat(cycle.err()).contains("may not go round in a circle");
        assertThat(add("self", "source=self", "role_arn=" + SandboxAws.CHAINED_ROLE_ARN, "profile=self").err())
                .contains("cannot be its own source");
        assertThat(add("lost", "source=nowhere", "role_arn=" + SandboxAws.CHAINED_ROLE_ARN, "profile=lost").err())
                .contains("There is no target named \"nowhere\" to be the source");
        assertThat(add("gcp", "source=sandbox-gcp", "role_arn=" + SandboxAws.CHAINED_ROLE_ARN, "profile=gcp").err())
                .contains("must be an AWS target");
        assertThat(add("same", "source=sandbox-aws", "role_arn=" + SandboxAws.CHAINED_ROLE_ARN,
                "profile=fedcred-sandbox").err()).contains("writes the profile fedcred-sandbox already");
        assertThat(context.targets().find("c1").map(t -> context.kinds().of(t).sourceName().orElseThrow()))
                .contains("sandbox-aws");
    }

    @Test
    void logoutWithRemoveCredentialsTakesTheChainedProfileAndCacheToo() {
        // the sandbox is not the default issuer: the chained target signs in with it only through its source
        CliRun other = CliRun.run(context, "issuers", "add", "--default", "--client-id=x",
                "--issuer-url=http://127.0.0.1:1", "other");
        assertThat(other.exitCode()).as(other.err()).isZero();
        signIn();
        assertThat(CliRun.run(context, "assume", SandboxTargets.SANDBOX_AWS_CHAINED).exitCode()).isZero();
        assertThat(readCredentials()).contains("[" + SandboxTargets.SANDBOX_AWS_CHAINED_PROFILE + "]");

        assertThat(CliRun.run(context, "logout", "--issuer", "sandbox", "--remove-credentials").exitCode()).isZero();

        assertThat(readCredentials()).doesNotContain("[" + SandboxTargets.SANDBOX_AWS_CHAINED_PROFILE + "]");
        assertThat(target(SandboxTargets.SANDBOX_AWS_CHAINED).cachedExpiry()).isEmpty();
        assertThat(CliRun.run(context, "credential-process", SandboxTargets.SANDBOX_AWS_CHAINED).exitCode()).isEqualTo(3);
    }

    private String readCredentials() {
        try {
            return Files.readString(credentialsFile());
        } catch (java.io.IOException e) {
            throw new java.io.UncheckedIOException(e);
        }
    }

}
