package dev.fedcred.bench;

import dev.fedcred.core.oidc.IdTokenVerifier;
import dev.fedcred.core.oidc.IssuerConfig;
import dev.fedcred.core.oidc.IssuerKind;
import dev.fedcred.core.oidc.PendingSignIn;
import dev.fedcred.core.oidc.ProviderDiscovery;
import dev.fedcred.core.oidc.SignInService;
import dev.fedcred.core.oidc.TokenEndpointClient;
import dev.fedcred.core.oidc.TokenSet;
import dev.fedcred.sandbox.SandboxOptions;
import dev.fedcred.sandbox.SandboxServer;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.time.Clock;
import java.time.Duration;
import java.util.ArrayList;
import java.util.Collections;
import java.util.List;
import java.util.concurrent.CompletableFuture;

/**
 * Time from the browser's callback reaching the loopback receiver to a verified token set:
 * the code redemption at the sandbox's token endpoint plus ID-token verification. The browser's
 * trip to the authorize endpoint is excluded; the first sign-in of a process (JWKS fetch,
 * class loading) is reported apart from the warm ones. Run with bench/signin-latency.
 */
public final class CallbackToTokenSetBenchmark {
    private static final HttpClient BROWSER = HttpClient.newHttpClient();

    public static void main(String[] args) throws Exception {
        int rounds = args.length > 0 ? Integer.parseInt(args[0]) : 50;
        try (SandboxServer sandbox = SandboxServer.start(SandboxOptions.defaults().withPort(0).withAutoApprove(true))) {
            Duration timeout = Duration.ofSeconds(10);
            SignInService service = new SignInService(new ProviderDiscovery(timeout), new TokenEndpointClient(timeout),
                    new IdTokenVerifier(Clock.systemUTC()), Clock.systemUTC());
            IssuerConfig issuer = new IssuerConfig("sandbox", IssuerKind.SANDBOX, sandbox.issuerUri(),
                    "fedcred-sandbox", null, null, null);
            double first = signInMillis(service, issuer);
            List<Double> warm = new ArrayList<>();
            for (int i = 0; i < rounds; i++) {
                warm.add(signInMillis(service, issuer));
            }
            Collections.sort(warm);
            System.out.printf("callback -> verified token set against the sandbox (%d warm rounds)%n", rounds);
            System.out.printf("  first in process: %.1f ms%n", first);
            System.out.printf("  warm median: %.2f ms  p90: %.2f ms  min: %.2f ms  max: %.2f ms%n",
                    percentile(warm, 50), percentile(warm, 90), warm.get(0), warm.get(warm.size() - 1));
        }
    }

    private static double signInMillis(SignInService service, IssuerConfig issuer) throws Exception {
        try (PendingSignIn pending = service.begin(issuer)) {
            HttpResponse<Void> authorize = BROWSER.send(HttpRequest.newBuilder(pending.authorizationUri()).build(),
                    HttpResponse.BodyHandlers.discarding());
            URI callback = URI.create(authorize.headers().firstValue("Location").orElseThrow());
            CompletableFuture<TokenSet> tokens = CompletableFuture.supplyAsync(() -> pending.complete(Duration.ofSeconds(10)));
            long start = System.nanoTime();
            BROWSER.send(HttpRequest.newBuilder(callback).build(), HttpResponse.BodyHandlers.discarding());
            tokens.join();
            return (System.nanoTime() - start) / 1e6;
        }
    }

    private static double percentile(List<Double> sorted, int percent) {
        int index = (int) Math.ceil(percent / 100.0 * sorted.size()) - 1;
        return sorted.get(Math.max(0, index));
    }
}
