package dev.fedcred.core.kube;

import dev.fedcred.core.launch.Launcher;
import dev.fedcred.core.oidc.IssuerConfig;
import dev.fedcred.core.text.OutsideText;
import java.time.temporal.ChronoUnit;

/**
 * What a user reads when a cluster refused the token fedcred handed kubectl ({@link KubeHandouts}):
 * the API server's 401 says only "Unauthorized", so this names what the token was made for, from
 * the target's settings and the token fedcred kept, beside the setting on each side that must
 * match: the signed cluster name and the clock for EKS, the service account for GKE, the issuer and
 * audience (the client ID) for OIDC.
 */
public final class KubeRefusalAdvice {
    private KubeRefusalAdvice() {
    }

    /**
     * @param issuer the issuer the target (or its source) signs in with
     */
    public static String of(KubeTarget target, KubeToken refused, IssuerConfig issuer) {
        String setup = "`" + Launcher.current().forPeople("kube", "setup", target.name()) + "`";
        String who = OutsideText.neutralise(String.valueOf(refused.identity()));
        String until = refused.expiresAt().truncatedTo(ChronoUnit.SECONDS).toString();
        String made = switch (refused.via()) {
            case "EKS" -> "It was signed for the EKS cluster name \"" + target.cluster() + "\" as " + who + " at "
                    + refused.expiresAt().minus(EksTokenSigner.TOKEN_LIFETIME).plus(EksTokenSigner.REPORTED_EARLY)
                            .truncatedTo(ChronoUnit.SECONDS) + " by this computer's clock."
                    + " The cluster must be named exactly " + target.cluster() + " (else change the target's"
                    + " cluster: Edit in the window, or `" + Launcher.current().forPeople("targets", "add", "kubernetes", target.name())
                    + " … cluster=NAME`, which replaces it),"
                    + " let the role in (" + setup + " prints the access entry), and this computer's clock must be"
                    + " right: the API server takes an EKS token only within 15 minutes of its signing.";
            case "GKE" -> "It is the Google access token of " + who + ", good until " + until + "."
                    + " The cluster must let that service account in (" + setup + " prints the IAM binding).";
            default -> "It is the ID token of " + who + " from the issuer " + issuer.issuer() + " for the audience "
                    + OutsideText.neutralise(issuer.clientId()) + " (the issuer's client ID), good until " + until + "."
                    + " The API server must trust that issuer with --oidc-client-id="
                    + OutsideText.neutralise(issuer.clientId()) + " (" + setup + " prints its flags).";
        };
        return "The cluster refused the " + refused.via() + " token fedcred gave kubectl for " + target.name()
                + " (kubectl asked again at once). " + made + " fedcred has made a new token for kubectl's next try;"
                + " if the cluster refuses that one too, change what does not match.";
    }
}
