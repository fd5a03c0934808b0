package dev.fedcred.core.gcp;

import dev.fedcred.core.oidc.TokenSet;

/**
 * When STS refuses a token, people need to see what the token says beside what the provider
 * expects: its issuer URL, and an allowed audience matching the token's aud. A provider with no
 * allowed audiences accepts only its own resource name as https URL, which no Google ID token
 * carries: Google puts the OAuth client ID in aud.
 */
final class ProviderAdvice {
    private ProviderAdvice() {
    }

    static String explain(GcpWorkloadTarget target, TokenSet tokens) {
        String aud = tokens.audience();
        return "The token says " + claims(tokens) + ". The provider " + target.providerId() + " must have the issuer URL "
                + tokens.stringClaim("iss") + " and list " + aud + " in its allowed audiences (without any, it expects"
                + " aud=https:" + target.audience() + "). Google ID tokens carry the OAuth client ID as aud, so a"
                + " provider for Google sign-in needs that client ID as an allowed audience:\n"
                + "gcloud iam workload-identity-pools providers update-oidc " + target.providerId()
                + " --location=global --workload-identity-pool=" + target.poolId() + " --project=" + target.projectNumber()
                + " --issuer-uri=" + tokens.stringClaim("iss") + " --allowed-audiences=" + aud;
    }

    static String claims(TokenSet tokens) {
        return "iss=" + tokens.stringClaim("iss") + ", aud=" + tokens.audience() + ", sub=" + tokens.subject();
    }
}
