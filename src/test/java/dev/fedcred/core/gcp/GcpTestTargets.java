package dev.fedcred.core.gcp;

import dev.fedcred.core.oidc.TokenSet;
import java.net.URI;
import java.nio.file.Path;
import java.time.Duration;
import java.time.Instant;
import java.util.List;
import java.util.Map;

/** Fake GCP targets and token sets for unit tests; nothing here is a real project or token. */
public final class GcpTestTargets {
    public static final String FAKE_ID_TOKEN = "eyJhbGciOiJSUzI1NiJ9.eyJzdWIiOiJmYWtlIn0.fake-signature";

    private GcpTestTargets() {
    }

    public static GcpWorkloadTarget target(String serviceAccount) {
        return new GcpWorkloadTarget("gcp-dev", "123456789012", "fake-pool", "fake-provider", serviceAccount, List.of(),
                Duration.ofHours(1), null, null, null, null, null);
    }

    public static GcpWorkloadTarget withAdc(GcpWorkloadTarget t, Path adc) {
        return new GcpWorkloadTarget(t.name(), t.projectNumber(), t.poolId(), t.providerId(), t.serviceAccount(), t.scopes(),
                t.tokenLifetime(), adc, t.issuer(), t.stsEndpoint(), t.iamCredentialsEndpoint(), t.trustedCaFile());
    }

    public static GcpWorkloadTarget withStsEndpoint(GcpWorkloadTarget t, URI sts, URI iam) {
        return new GcpWorkloadTarget(t.name(), t.projectNumber(), t.poolId(), t.providerId(), t.serviceAccount(), t.scopes(),
                t.tokenLifetime(), t.adcFile(), t.issuer(), sts, iam, t.trustedCaFile());
    }

    public static TokenSet tokens(String subject) {
        return new TokenSet("google", FAKE_ID_TOKEN, Map.of("alg", "RS256"),
                Map.of("iss", "https://accounts.google.com", "aud", "123-fake.apps.googleusercontent.com", "sub", subject),
                Instant.now().plusSeconds(3600), Instant.now(), "fake-refresh-token");
    }
}
