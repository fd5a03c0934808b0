package dev.fedcred.core.gcp.setup;

import dev.fedcred.core.gcp.GcpWorkloadTarget;
import dev.fedcred.core.oidc.TokenSet;
import java.util.Objects;

/**
 * What the GCP set-up is generated from: the target's numbers and the signed-in token's claims.
 *
 * @param projectNumber  the project's number, as STS audiences and principals name it
 * @param projectId      the project's ID, which gcloud's {@code --project} wants; null when unknown (the
 *                       commands then look it up from the number)
 * @param poolId         the workload identity pool
 * @param providerId     the pool's OIDC provider
 * @param serviceAccount the account to impersonate; null when the target uses the federated token directly
 * @param issuer         the token's {@code iss}, the provider's issuer URI
 * @param audience       the token's {@code aud} (for Google, the OAuth client ID), the provider's allowed audience
 * @param subject        the token's {@code sub}, mapped to google.subject
 * @param email          the token's {@code email}; null when it has none
 * @param wholePool      bind every identity of the pool ({@code principalSet://…/*}) rather than this subject
 * @param condition      the attribute condition to generate
 */
public record GcpSetupFacts(String projectNumber, String projectId, String poolId, String providerId,
                            String serviceAccount, String issuer, String audience, String subject, String email,
                            boolean wholePool, Condition condition) {

    /** Which attribute condition the provider gets. */
    public enum Condition {
        /** None: every token of the issuer for the audience is let in (the binding still limits who may impersonate). */
        NONE,
        /** Only tokens with this user's email. */
        EMAIL,
        /** Only tokens with this user's subject. */
        SUBJECT
    }

    public GcpSetupFacts {
        Objects.requireNonNull(projectNumber, "projectNumber");
        Objects.requireNonNull(poolId, "poolId");
        Objects.requireNonNull(providerId, "providerId");
        Objects.requireNonNull(issuer, "issuer");
        Objects.requireNonNull(audience, "audience");
        Objects.requireNonNull(subject, "subject");
        Objects.requireNonNull(condition, "condition");
        projectId = blankToNull(projectId);
        serviceAccount = blankToNull(serviceAccount);
        email = blankToNull(email);
        if (condition == Condition.EMAIL && email == null) {
            throw new IllegalArgumentException("The ID token has no email claim to put in the attribute condition;"
                    + " sign in with the email scope, or use the subject condition.");
        }
    }

    /** The facts of {@code target} and the claims of {@code tokens}. */
    public static GcpSetupFacts of(GcpWorkloadTarget target, TokenSet tokens, String projectId, boolean wholePool,
                                   Condition condition) {
        return new GcpSetupFacts(target.projectNumber(), projectId, target.poolId(), target.providerId(),
                target.serviceAccount(), tokens.stringClaim("iss"), tokens.audience(), tokens.subject(),
                tokens.stringClaim("email"), wholePool, condition);
    }

    /** projects/N/locations/global/workloadIdentityPools/P */
    public String poolResource() {
        return GcpWorkloadTarget.poolResource(projectNumber, poolId);
    }

    /** The IAM member the service-account binding names: this subject, or the whole pool. */
    public String member() {
        return wholePool ? "principalSet://iam.googleapis.com/" + poolResource() + "/*"
                : GcpWorkloadTarget.principal(poolResource(), subject);
    }

    private static String blankToNull(String value) {
        return value == null || value.isBlank() ? null : value;
    }
}
