package dev.fedcred.core.gcp;

import dev.fedcred.core.UtcInstants;
import java.time.Duration;
import java.time.Instant;

/**
 * A Google OAuth access token from the workload identity exchange. {@link #toString()} never
 * shows the token.
 *
 * @param serviceAccount the impersonated service account; null when the federated token is used directly
 * @param principal      who Google sees: the service account, else the pool's principal for the token's sub
 */
public record GcpAccessToken(String accessToken, Instant expiresAt, String serviceAccount, String principal) {

    public boolean validFor(Duration margin, Instant now) {
        return UtcInstants.moreThanLeft(margin, now, expiresAt);
    }

    @Override
    public String toString() {
        return "GcpAccessToken[principal=" + principal + ", expiresAt=" + expiresAt + "]";
    }
}
