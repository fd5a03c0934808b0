package dev.fedcred.cli;

import static org.assertj.core.api.Assertions.assertThat;

import dev.fedcred.FedcredContext;
import dev.fedcred.sandbox.AwsStsFaults;
import dev.fedcred.sandbox.SandboxOptions;
import dev.fedcred.sandbox.SandboxServer;
import dev.fedcred.testing.CliRun;
import dev.fedcred.testing.FakeBrowser;
import dev.fedcred.testing.SandboxHome;
import java.nio.file.Files;
import java.nio.file.Path;
import dev.fedcred.core.net.Deadline;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.util.function.Consumer;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.Arguments;
import org.junit.jupiter.params.provider.MethodSource;
import java.util.stream.Stream;
import org.junit.jupiter.api.io.TempDir;

/**
 * `assume` and `credential-process` against STS replies no real STS sends: each ends with exit 1
 * and one "fedcred: ..." line saying what to do, no stack trace, and nothing written or printed on stdout.
 */
class CliOddStsRepliesTest {
    @TempDir
    static Path home;
    private static SandboxServer sandbox;
    private static FedcredContext context;

    @BeforeAll
    static void signIn() throws Exception {
        sandbox = SandboxServer.start(SandboxOptions.defaults().withPort(0).withAutoApprove(true));
        context = new FedcredContext(SandboxHome.environment(sandbox, home), Clock.systemUTC(), new FakeBrowser());
        CliRun login = CliRun.run(context, "login", "--issuer", "sandbox");
        assertThat(login.exitCode()).as(login.err()).isZero();
    }

    @AfterEach
    void clearFaults() {
        sandbox.awsStsFaults().clear();
    }

    @AfterAll
    static void stop() {
        sandbox.close();
    }

    static Stream<Arguments> oddReplies() {
        Instant later = Instant.now().plusSeconds(3600);
        return Stream.of(
                Arguments.of("HTML page with 200", (Consumer<AwsStsFaults>) f -> f.htmlPageNext(200), "not as AWS STS does"),
                Arguments.of("HTML page with 503", (Consumer<AwsStsFaults>) f -> {
                    for (int i = 0; i < 5; i++) {
                        f.htmlPageNext(503);
                    }
                }, "not as AWS STS does"),
                Arguments.of("no Credentials", (Consumer<AwsStsFaults>) AwsStsFaults::replyWithoutCredentialsNext, "without Credentials"),
                Arguments.of("no Expiration", (Consumer<AwsStsFaults>) AwsStsFaults::replyWithoutExpirationNext, "when the credentials expire"),
                Arguments.of("error without code", (Consumer<AwsStsFaults>) AwsStsFaults::errorWithoutCodeNext, "without an STS error code"),
                Arguments.of("expired credentials", (Consumer<AwsStsFaults>) f -> f.credentialsExpiringNext(Instant.now().minusSeconds(60)), "expired at"),
                Arguments.of("5 MB secret", (Consumer<AwsStsFaults>) f -> f.oversizedCredentialNext("SecretAccessKey", 5L << 20, later), "larger than 1 MiB"),
                Arguments.of("200 KB session token", (Consumer<AwsStsFaults>) f -> f.oversizedCredentialNext("SessionToken", 200_000, later), "far more than a real one"));
    }

    @ParameterizedTest(name = "{0}")
    @MethodSource("oddReplies")
    void assumeSaysWhatToDoAndWritesNothing(String name, Consumer<AwsStsFaults> fault, String expected) {
        fault.accept(sandbox.awsStsFaults());
        CliRun assume = CliRun.run(context, "assume", "sandbox-aws");
        assertThat(assume.exitCode()).isEqualTo(1);
        assertOneLineOfAdvice(assume, expected);
        assertThat(home.resolve("aws/credentials")).doesNotExist();
    }

    @ParameterizedTest(name = "{0}")
    @MethodSource("oddReplies")
    void credentialProcessSaysWhatToDoAndPrintsNoCredentials(String name, Consumer<AwsStsFaults> fault, String expected) {
        fault.accept(sandbox.awsStsFaults());
        CliRun process = CliRun.run(context, "credential-process", "sandbox-aws");
        assertThat(process.exitCode()).isEqualTo(1);
        assertOneLineOfAdvice(process, expected);
        assertThat(process.out()).isEmpty();
        assertThat(context.paths().awsSessionCacheFile()).satisfiesAnyOf(
                file -> assertThat(file).doesNotExist(),
                file -> assertThat(Files.readString(file)).doesNotContain("ASIAODDREPLY"));
    }

    @Test
    void aHangingStsEndsCredentialProcessWithinTheInteractiveDeadline() {
        for (int i = 0; i < 4; i++) {
            sandbox.awsStsFaults().hangNext(Duration.ofSeconds(30));
        }
        long start = System.nanoTime();
        CliRun process = CliRun.run(context, "credential-process", "sandbox-aws");
        Duration took = Duration.ofNanos(System.nanoTime() - start);
        assertThat(process.exitCode()).isEqualTo(1);
        assertOneLineOfAdvice(process, "did not answer within " + Deadline.INTERACTIVE.toSeconds() + " s");
        assertThat(took).isLessThan(Deadline.INTERACTIVE.plusSeconds(3));
    }

    private static void assertOneLineOfAdvice(CliRun run, String expected) {
        assertThat(run.err()).startsWith("fedcred: ").contains(expected)
                .doesNotContain("Exception").doesNotContain("\tat ").doesNotContain("Cannot reach");
        assertThat(run.err().strip().lines()).hasSize(1);
    }
}
