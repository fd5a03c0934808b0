package dev.fedcred.core.kube;

import dev.fedcred.core.UtcInstants;
import java.time.Duration;
import java.time.Instant;

/**
 * A bearer token for a Kubernetes API server with the expiry kubectl is told (for EKS a minute
 * before the presigned URL's), and how it was made ("EKS", "GKE", "OIDC"), and for whom.
 * {@link #toString()} never shows the token.
 */
public record KubeToken(String token, Instant expiresAt, String via, String identity) {

    public boolean validFor(Duration margin, Instant now) {
        return UtcInstants.moreThanLeft(margin, now, expiresAt);
    }

    @Override
    public String toString() {
        return "KubeToken[via=" + via + ", identity=" + identity + ", expiresAt=" + expiresAt + "]";
    }
}
