package dev.fedcred.sandbox;

import java.util.List;
import java.util.Map;
import java.util.Optional;

/**
 * GKE tokens: a Google access token the GCP emulator issued and that has not expired (what
 * gke-gcloud-auth-plugin hands kubectl). A service account's token is that account's email, as
 * GKE names it; a federated token without impersonation is its {@code principal://} identifier.
 * The emulator does not learn of a sign-out at the issuer, and neither do Google's access tokens:
 * a token stays good until it expires.
 */
final class GkeTokenAuthenticator implements KubernetesAuthenticator {

    private final GcpAccessTokens tokens;

    GkeTokenAuthenticator(GcpAccessTokens tokens) {
        this.tokens = tokens;
    }

    @Override
    public Optional<KubernetesUser> authenticate(String token) {
        return tokens.find(token).map(issued -> new KubernetesUser(issued.identity(), null,
                List.of(SandboxKubernetes.AUTHENTICATED), Map.of()));
    }
}
