package dev.fedcred.bench;

import dev.fedcred.core.gcp.GcpHttpTransports;
import dev.fedcred.core.gcp.WorkloadIdentityExchanger;
import dev.fedcred.core.oidc.TokenSet;
import dev.fedcred.core.gcp.GcpWorkloadTarget;
import dev.fedcred.sandbox.SandboxGcp;
import dev.fedcred.sandbox.SandboxOptions;
import dev.fedcred.sandbox.SandboxServer;
import dev.fedcred.testing.SandboxSignIn;
import java.net.URI;
import java.time.Clock;
import java.util.ArrayList;
import java.util.Collections;
import java.util.List;

/**
 * The whole GCP exchange against the sandbox through google-auth-library: Google STS token
 * exchange, then generateAccessToken for the service account, over the sandbox's TLS. The first
 * exchange in a process (class loading, TLS set-up) is reported apart from warm ones.
 * Run with bench/gcp-exchange.
 */
public final class GcpExchangeBenchmark {
    public static void main(String[] args) throws Exception {
        int rounds = args.length > 0 ? Integer.parseInt(args[0]) : 30;
        try (SandboxServer sandbox = SandboxServer.start(SandboxOptions.defaults().withPort(0).withGcpPort(0)
                .withAutoApprove(true))) {
            TokenSet tokens = SandboxSignIn.signIn(sandbox);
            String base = sandbox.endpoints().get("gcp-iamcredentials");
            GcpWorkloadTarget target = new GcpWorkloadTarget("bench", SandboxGcp.PROJECT_NUMBER, SandboxGcp.POOL_ID,
                    SandboxGcp.PROVIDER_ID, SandboxGcp.SERVICE_ACCOUNT, null, null, null, "sandbox",
                    URI.create(sandbox.endpoints().get("gcp-sts")), URI.create(base), sandbox.gcpCaFile());
            WorkloadIdentityExchanger exchanger = new WorkloadIdentityExchanger(new GcpHttpTransports(), Clock.systemUTC());
            long start = System.nanoTime();
            exchanger.exchange(target, tokens);
            double first = (System.nanoTime() - start) / 1e6;
            List<Double> warm = new ArrayList<>();
            for (int i = 0; i < rounds; i++) {
                long t = System.nanoTime();
                exchanger.exchange(target, tokens);
                warm.add((System.nanoTime() - t) / 1e6);
            }
            Collections.sort(warm);
            System.out.printf("GCP exchange (STS + generateAccessToken) against the sandbox, %d warm rounds%n", rounds);
            System.out.printf("  first in process: %.1f ms%n", first);
            System.out.printf("  warm median: %.2f ms  p90: %.2f ms  min: %.2f ms  max: %.2f ms%n",
                    warm.get(warm.size() / 2), warm.get((int) Math.ceil(0.9 * warm.size()) - 1), warm.get(0),
                    warm.get(warm.size() - 1));
        }
    }
}
