package dev.fedcred.core.gcp;

import dev.fedcred.core.launch.Launcher;
import dev.fedcred.core.launch.ShellWords;
import dev.fedcred.core.oidc.TokenSet;
import dev.fedcred.core.text.OutsideText;
import java.util.Locale;

/**
 * When STS refuses a token, people need to see the one part of the provider that does not fit the
 * token, beside what the token says: its issuer URL, or an allowed audience matching the token's
 * aud, or an attribute condition its claims meet. A provider with no allowed audiences accepts
 * only its own resource name as https URL, which no Google ID token carries: Google puts the
 * OAuth client ID in aud. Claims are neutralised, and quoted where they land in a command.
 */
final class ProviderAdvice {
    private ProviderAdvice() {
    }

    /** @param description STS's error_description, which says which check failed */
    static String explain(GcpWorkloadTarget target, TokenSet tokens, String description) {
        String lower = description.toLowerCase(Locale.ROOT);
        String aud = tokens.audience();
        String iss = tokens.stringClaim("iss");
        if (lower.contains("audience")) {
            return "The provider " + target.providerId() + " does not allow the token's audience "
                    + OutsideText.neutralise(aud) + " (the token says " + claims(tokens) + "). Without allowed audiences"
                    + " a provider expects aud=https:" + target.audience() + "; Google ID tokens carry the OAuth client"
                    + " ID as aud, so a provider for Google sign-in must list that client ID. Add it:\n"
                    + updateOidc(target) + " " + quoted("--allowed-audiences=" + aud);
        }
        if (lower.contains("issuer")) {
            return "The provider " + target.providerId() + " trusts another issuer than the token's iss="
                    + OutsideText.neutralise(iss) + " (the token says " + claims(tokens) + "). Set it:\n"
                    + updateOidc(target) + " " + quoted("--issuer-uri=" + iss);
        }
        return "The token says " + claims(tokens) + ". The provider " + target.providerId() + " must have the issuer URL "
                + OutsideText.neutralise(iss) + " and list " + OutsideText.neutralise(aud) + " in its allowed audiences"
                + " (without any, it expects aud=https:" + target.audience() + "):\n"
                + updateOidc(target) + " " + quoted("--issuer-uri=" + iss) + " " + quoted("--allowed-audiences=" + aud);
    }

    /** The provider's attribute condition refused the token: what it must accept, and how to see and check it. */
    static String conditionRefused(GcpWorkloadTarget target, TokenSet tokens) {
        return "The attribute condition of the provider " + target.providerId() + " is false for this token, whose"
                + " claims are " + claims(tokens) + ". Change the condition to accept them. See it with:\n"
                + "gcloud iam workload-identity-pools providers describe " + target.providerId() + " --location=global"
                + " --workload-identity-pool=" + target.poolId() + " --format='value(attributeCondition)'\n"
                + "or save the provider with --format=json and run `" + Launcher.current().forPeople() + " setup gcp "
                + target.name() + " --check FILE`, which names the failing test.";
    }

    static String claims(TokenSet tokens) {
        String email = tokens.stringClaim("email");
        return OutsideText.neutralise("iss=" + tokens.stringClaim("iss") + ", aud=" + tokens.audience() + ", sub="
                + tokens.subject() + (email == null ? "" : ", email=" + email));
    }

    private static String updateOidc(GcpWorkloadTarget target) {
        return "gcloud iam workload-identity-pools providers update-oidc " + target.providerId()
                + " --location=global --workload-identity-pool=" + target.poolId() + " --project=PROJECT_ID";
    }

    /** A shell word whose claim is neutralised too: the command is shown in a message, never run as it is. */
    private static String quoted(String word) {
        return OutsideText.neutralise(ShellWords.quoted(word));
    }
}
