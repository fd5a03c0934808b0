package dev.fedcred.bench;

import dev.fedcred.FedcredContext;
import dev.fedcred.core.aws.WebIdentityRoleAssumer;
import dev.fedcred.core.oidc.TokenSet;
import dev.fedcred.core.aws.AwsRoleTarget;
import dev.fedcred.core.settings.TargetRegistry;
import dev.fedcred.sandbox.SandboxOptions;
import dev.fedcred.sandbox.SandboxServer;
import dev.fedcred.testing.CliRun;
import dev.fedcred.testing.FakeBrowser;
import dev.fedcred.testing.SandboxHome;
import java.net.URI;
import java.net.URLEncoder;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Clock;
import java.time.Duration;
import java.util.ArrayList;
import java.util.Collections;
import java.util.List;
import java.util.function.DoubleSupplier;

/**
 * The desktop app's "Assume role" for sandbox-aws once the process is warm (what a second click
 * costs): the STS call, the session cache and the profile write, next to the sandbox
 * STS emulator answering the same AssumeRoleWithWebIdentity sent by a bare JDK HTTP client, so
 * fedcred's own share is the difference. Run with bench/run-all or:
 * {@code java -cp ... dev.fedcred.bench.InAppAssumeBenchmark [ROUNDS]}.
 */
public final class InAppAssumeBenchmark {
    private static final int WARMUP = 20;

    public static void main(String[] args) throws Exception {
        int rounds = args.length > 0 ? Integer.parseInt(args[0]) : 50;
        Path home = Files.createTempDirectory("fedcred-bench-assume");
        try (SandboxServer sandbox = SandboxServer.start(SandboxOptions.defaults().withPort(0).withGcpPort(0)
                .withAutoApprove(true).withDataDir(SandboxHome.sandboxDataDir(home)))) {
            FedcredContext context = new FedcredContext(SandboxHome.environment(sandbox, home), Clock.systemUTC(),
                    new FakeBrowser());
            CliRun login = CliRun.run(context, "login", "--issuer", "sandbox");
            if (login.exitCode() != 0) {
                throw new IllegalStateException("sandbox sign-in failed: " + login.err());
            }
            AwsRoleTarget target = (AwsRoleTarget) context.targets().resolve(TargetRegistry.SANDBOX_AWS);
            TokenSet tokens = context.sessions().current(target.issuer()).orElseThrow();

            double inApp = median(rounds, () -> time(() -> context.aws().assumeAndWrite(target, false)));
            WebIdentityRoleAssumer sdk = new WebIdentityRoleAssumer(Duration.ofSeconds(15));
            double sdkOnly = median(rounds, () -> time(() -> sdk.assume(target, tokens)));
            HttpClient client = HttpClient.newHttpClient();
            HttpRequest request = HttpRequest.newBuilder(target.stsEndpoint())
                    .header("Content-Type", "application/x-www-form-urlencoded")
                    .POST(HttpRequest.BodyPublishers.ofString(form(target, tokens))).build();
            double emulator = median(rounds, () -> time(() -> {
                HttpResponse<String> response = send(client, request);
                if (response.statusCode() != 200) {
                    throw new IllegalStateException("sandbox STS answered " + response.statusCode());
                }
            }));
            System.out.printf("Warm in-app assume of sandbox-aws, median of %d after %d warm-up rounds%n", rounds, WARMUP);
            System.out.printf("in-app-assume-ms: %.2f%n", inApp);
            System.out.printf("sdk-call-ms: %.2f  (the STS call alone, without the cache and profile writes)%n", sdkOnly);
            System.out.printf("emulator-alone-ms: %.2f%n", emulator);
            System.out.printf("fedcred-share-ms: %.2f%n", inApp - emulator);
        } finally {
            try (var paths = Files.walk(home)) {
                paths.sorted(java.util.Comparator.reverseOrder()).forEach(path -> path.toFile().delete());
            }
        }
    }

    private static String form(AwsRoleTarget target, TokenSet tokens) {
        return "Action=AssumeRoleWithWebIdentity&Version=2011-06-15&RoleSessionName=bench&DurationSeconds=3600"
                + "&RoleArn=" + URLEncoder.encode(target.roleArn(), StandardCharsets.UTF_8)
                + "&WebIdentityToken=" + URLEncoder.encode(tokens.rawIdToken(), StandardCharsets.UTF_8);
    }

    private static HttpResponse<String> send(HttpClient client, HttpRequest request) {
        try {
            return client.send(request, HttpResponse.BodyHandlers.ofString());
        } catch (Exception e) {
            throw new IllegalStateException("sandbox STS did not answer", e);
        }
    }

    private static double time(Runnable work) {
        long start = System.nanoTime();
        work.run();
        return (System.nanoTime() - start) / 1e6;
    }

    private static double median(int rounds, DoubleSupplier round) {
        for (int i = 0; i < WARMUP; i++) {
            round.getAsDouble();
        }
        List<Double> times = new ArrayList<>();
        for (int i = 0; i < rounds; i++) {
            times.add(round.getAsDouble());
        }
        Collections.sort(times);
        return times.get(times.size() / 2);
    }
}
