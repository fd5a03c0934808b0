package dev.fedcred.core.targets;

import dev.fedcred.core.CredentialsException;
import dev.fedcred.core.FedcredException;
import java.util.Optional;
import java.util.function.Supplier;

/**
 * A kind's live check: the exchange tried against the cloud with nothing written or cached, its
 * failure turned into a finding whose fix is the kind of step the refusal calls for (the
 * message itself already says what the cloud refused and what to change).
 */
public final class DryRun {
    private DryRun() {
    }

    /**
     * Runs {@code exchange}; its success is a note (what the cloud said, never a secret), its
     * failure an error.
     */
    public static Finding of(String what, Supplier<String> exchange) {
        try {
            return Finding.note("Dry run of " + what + ": " + exchange.get() + " (nothing written).");
        } catch (FedcredException e) {
            return Finding.error("Dry run of " + what + " failed: " + e.getMessage(), fixFor(e));
        }
    }

    private static String fixFor(FedcredException failure) {
        Optional<CredentialsException.Remedy> remedy = failure instanceof CredentialsException credentials
                ? Optional.ofNullable(credentials.remedy()) : Optional.empty();
        return remedy.map(r -> switch (r) {
            case SIGN_IN_AGAIN -> "Sign in again, then run the check again.";
            case FIX_CLOUD_SETUP -> "Change the cloud's set-up as the message says (the trust policy or the provider).";
            case GRANT_ACCESS -> "Grant the identity the role the message names.";
            case FIX_TARGET -> "Fix the target's settings as the message says.";
            case TRY_LATER -> "Try again in a few minutes.";
            case CHECK_NETWORK -> "Check the network, a proxy or the endpoint's certificate.";
            case CHECK_ENDPOINT -> "Check the target's endpoint settings and any proxy in between.";
        }).orElse("Do what the message says, then run the check again.");
    }
}
