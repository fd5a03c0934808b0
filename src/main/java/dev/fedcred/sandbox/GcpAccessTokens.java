package dev.fedcred.sandbox;

import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.concurrent.ConcurrentHashMap;

/**
 * The opaque access tokens the GCP emulator hands out: federated tokens from STS, and service
 * account tokens from IAM Credentials. Remembered so that IAM Credentials can tell who presents a
 * federated token, and so that {@code /v1/whoami} can show a client that its token works.
 */
final class GcpAccessTokens {

    enum Kind {
        /** From STS: the caller is a federated principal of a workload identity pool. */
        FEDERATED,
        /** From generateAccessToken: the caller acts as a service account. */
        SERVICE_ACCOUNT
    }

    /**
     * @param identity the principal ({@code principal://...}) for a federated token, the email for a service account's
     * @param poolName the workload identity pool the principal belongs to ({@code projects/N/locations/global/workloadIdentityPools/P});
     *                 for a service account token, the pool of the principal that impersonated it
     */
    record Issued(String value, Kind kind, String identity, String poolName, List<String> scopes, Instant expiresAt) {
        Issued {
            scopes = List.copyOf(scopes);
        }

        @Override
        public String toString() {
            // Never print the token itself, e.g. in an assertion message.
            return "Issued[kind=" + kind + ", identity=" + identity + ", expiresAt=" + expiresAt + "]";
        }
    }

    private final Map<String, Issued> byValue = new ConcurrentHashMap<>();
    private final Clock clock;

    GcpAccessTokens(Clock clock) {
        this.clock = clock;
    }

    Issued issue(Kind kind, String identity, String poolName, List<String> scopes, Duration lifetime) {
        Instant now = Instant.ofEpochSecond(clock.instant().getEpochSecond());
        byValue.values().removeIf(t -> !now.isBefore(t.expiresAt()));
        // ya29. is the prefix of Google OAuth access tokens; "sandbox" makes these impossible to mistake for real ones.
        String prefix = kind == Kind.FEDERATED ? "ya29.d.sandbox." : "ya29.c.sandbox.";
        Issued issued = new Issued(prefix + RandomTokens.next(), kind, identity, poolName, scopes, now.plus(lifetime));
        byValue.put(issued.value(), issued);
        return issued;
    }

    /** The token if this emulator issued it and it has not expired. */
    Optional<Issued> find(String value) {
        if (value == null) {
            return Optional.empty();
        }
        Issued issued = byValue.get(value);
        if (issued == null || !clock.instant().isBefore(issued.expiresAt())) {
            return Optional.empty();
        }
        return Optional.of(issued);
    }
}
