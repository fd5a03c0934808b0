package dev.fedcred.cli;

import static org.assertj.core.api.Assertions.assertThat;

import dev.fedcred.FedcredContext;
import dev.fedcred.core.Json;
import dev.fedcred.core.aws.AssumedRole;
import dev.fedcred.core.aws.AwsRoleTarget;
import dev.fedcred.core.aws.AwsSessionCache;
import dev.fedcred.core.aws.AwsSessionKind;
import dev.fedcred.core.aws.chained.ChainedRoleTarget;
import dev.fedcred.core.builtin.SandboxTargets;
import dev.fedcred.core.gcp.GcpWorkloadTarget;
import dev.fedcred.core.targets.Target;
import dev.fedcred.core.targets.TargetKind;
import dev.fedcred.core.oidc.BrowserOpener;
import java.io.PrintWriter;
import java.io.StringWriter;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Clock;
import java.time.Duration;
import java.time.ZoneOffset;
import java.time.Instant;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** The shortcut answers only fresh cached AWS credentials and leaves everything else to the full command. */
class CachedCredentialProcessTest {
    private static final Instant NOW = Instant.parse("2026-11-29T12:00:00Z");

    @TempDir
    Path home;

    private final Clock clock = Clock.fixed(NOW, ZoneOffset.UTC);
    private FedcredContext context;
    private final StringWriter out = new StringWriter();

    @BeforeEach
    void setUp() {
        context = new FedcredContext(Map.of("FEDCRED_HOME", home.toString(), "HOME", home.toString()), clock,
                BrowserOpener.NONE);
    }

    private void cache(String target, Duration left) {
        new AwsSessionCache(context.paths().awsSessionCacheFile()).save(target, new AssumedRole("ASIAEXAMPLE",
                "secret", "session", NOW.plus(left), "arn:aws:sts::000000000000:assumed-role/r/s", "AROA:s", "sub",
                "aud", "issuer"));
    }

    private boolean answer(String... args) {
        return CachedCredentialProcess.answer(context.environment(), clock, new PrintWriter(out), args);
    }

    @Test
    void freshCachedCredentialsArePrintedAsCredentialProcessJson() throws Exception {
        cache("sandbox-aws", Duration.ofMinutes(16));

        assertThat(answer("credential-process", "sandbox-aws")).isTrue();
        var json = Json.MAPPER.readTree(out.toString());
        assertThat(json.get("Version").asInt()).isEqualTo(1);
        assertThat(json.get("AccessKeyId").asText()).isEqualTo("ASIAEXAMPLE");
        assertThat(json.get("SecretAccessKey").asText()).isEqualTo("secret");
        assertThat(json.get("SessionToken").asText()).isEqualTo("session");
        assertThat(json.get("Expiration").asText()).isEqualTo(NOW.plus(Duration.ofMinutes(16)).toString());
    }

    @Test
    void credentialsInsideTheRenewalMarginAreLeftToTheFullCommand() {
        cache("sandbox-aws", Duration.ofMinutes(14));

        assertThat(answer("credential-process", "sandbox-aws")).isFalse();
        assertThat(out.toString()).isEmpty();
    }

    @Test
    void otherCommandsOptionsUnknownAndGcpTargetsAndBrokenSettingsAreLeftToTheFullCommand() throws Exception {
        cache("sandbox-aws", Duration.ofHours(1));
        cache("sandbox-gcp", Duration.ofHours(1));

        assertThat(answer("env", "sandbox-aws")).isFalse();
        assertThat(answer("credential-process", "--help")).isFalse();
        assertThat(answer("credential-process", "sandbox-aws", "extra")).isFalse();
        assertThat(answer("credential-process", "nobody")).isFalse();
        assertThat(answer("credential-process", "sandbox-gcp")).isFalse();
        Files.createDirectories(context.paths().settingsFile().getParent());
        Files.writeString(context.paths().settingsFile(), "{ not json");
        assertThat(answer("credential-process", "sandbox-aws")).isFalse();
        assertThat(out.toString()).isEmpty();
    }

    @Test
    void theUsersOwnAwsAndChainedRoleTargetsAreAnsweredFromTheCache() {
        context.targets().add(new AwsRoleTarget("work", "arn:aws:iam::123456789012:role/work", "work", "eu-west-1",
                Duration.ofHours(1), null, null, null));
        context.targets().add(new ChainedRoleTarget("work-admin", "work", "arn:aws:iam::123456789012:role/admin", null,
                null, ChainedRoleTarget.DEFAULT_DURATION, "work-admin", "eu-west-1", null));
        cache("work", Duration.ofHours(1));
        cache("work-admin", Duration.ofHours(1));

        assertThat(answer("credential-process", "work")).isTrue();
        assertThat(answer("credential-process", "work-admin")).isTrue();
        // compact, one line per answer: the AWS CLI parses JSON, and the pretty printer is classes to load
        assertThat(out.toString().lines()).hasSize(2)
                .allSatisfy(line -> assertThat(line).startsWith("{\"Version\":1,\"AccessKeyId\":\"ASIAEXAMPLE\","));
    }

    @Test
    void anAwsSessionCachedForANameThatIsNowAGcpTargetIsLeftToTheFullCommand() {
        // settings.json edited by hand: "work" was an AWS role and is now a GCP target
        cache("work", Duration.ofHours(1));
        context.targets().add(new GcpWorkloadTarget("work", "123456789012", "pool", "provider",
                "sa@project.iam.gserviceaccount.com", List.of(), Duration.ofHours(1), home.resolve("adc.json"), null,
                null, null, null));

        assertThat(answer("credential-process", "work")).isFalse();
        assertThat(out.toString()).isEmpty();
    }

    @Test
    void theKindsAnsweredFromTheAwsSessionCacheAreEveryAwsSessionKindTheContextRegisters() {
        for (TargetKind<?> kind : context.kinds().all()) {
            assertThat(CachedCredentialProcess.holdsAwsSessions(kind.id())).as(kind.id())
                    .isEqualTo(kind instanceof AwsSessionKind);
        }
    }

    @Test
    void theBuiltInTargetsKindsAreKnownWithoutBuildingThem() {
        for (Target builtIn : context.targets().builtIns()) {
            assertThat(SandboxTargets.kindIdOf(builtIn.name())).as(builtIn.name())
                    .contains(context.kinds().of(builtIn).id());
        }
        assertThat(SandboxTargets.kindIdOf("nobody")).isEmpty();
    }
}
