package dev.fedcred.core.gcp.targetsetup;

import dev.fedcred.core.FedcredException;
import dev.fedcred.core.gcp.GcpWorkloadTarget;
import com.fasterxml.jackson.databind.JsonNode;
import dev.fedcred.core.gcp.setup.GcpProviderCheck;
import dev.fedcred.core.gcp.setup.GcpSetup;
import dev.fedcred.core.gcp.setup.GcpSetupFacts;
import dev.fedcred.core.gcp.setup.SetupDocument;
import dev.fedcred.core.issuers.IssuerRegistry;
import dev.fedcred.core.oidc.IssuerConfig;
import dev.fedcred.core.session.IdentitySessions;
import dev.fedcred.core.session.SignInRequiredException;
import dev.fedcred.core.settings.TargetRegistry;
import dev.fedcred.core.targets.Target;
import dev.fedcred.core.targets.TargetKinds;
import dev.fedcred.core.launch.Launcher;
import dev.fedcred.core.text.OutsideText;
import java.util.List;

/**
 * The GCP set-up of a target from the stored sign-in, as {@code fedcred setup gcp TARGET} prints it
 * with its defaults (this user's principal://, no attribute condition, the project ID looked up from
 * the number), for a window to show: the gcloud steps, then Terraform. Like the AWS twin it reads the
 * stored token's claims only, so an expired token still names the issuer, client and user.
 */
public final class GcpTargetSetup {
    private final TargetRegistry targets;
    private final TargetKinds kinds;
    private final IssuerRegistry issuers;
    private final IdentitySessions sessions;

    public GcpTargetSetup(TargetRegistry targets, TargetKinds kinds, IssuerRegistry issuers, IdentitySessions sessions) {
        this.targets = targets;
        this.kinds = kinds;
        this.issuers = issuers;
        this.sessions = sessions;
    }

    /** The gcloud steps and the Terraform configuration for the GCP target {@code targetName}. */
    public List<SetupDocument> forTarget(String targetName) {
        return GcpSetup.documents(facts(targetName));
    }

    /**
     * Each part of {@code provider} (as {@code gcloud … providers describe --format=json} prints it)
     * that would refuse the target's token; empty when it accepts it.
     */
    public List<String> check(String targetName, JsonNode provider) {
        return GcpProviderCheck.findings(provider, facts(targetName));
    }

    private GcpSetupFacts facts(String targetName) {
        Target target = targets.resolve(targetName);
        GcpWorkloadTarget gcp = gcp(target);
        IssuerConfig issuer = issuers.resolve(targets.issuerOf(target));
        var tokens = sessions.current(issuer.name()).orElseThrow(() -> new SignInRequiredException(issuer.name(),
                "You are not signed in to " + issuer.name() + "; the set-up is made from your signed-in token's claims."));
        return GcpSetupFacts.of(gcp, tokens, null, false, GcpSetupFacts.Condition.NONE);
    }

    /** How to see which part of the provider as it is now refuses the target's token. */
    public String checkHint(String targetName) {
        GcpWorkloadTarget gcp = gcp(targets.resolve(targetName));
        return "Already have the provider? Check it against your token: save it with\n"
                + "  gcloud iam workload-identity-pools providers describe " + OutsideText.neutralise(gcp.providerId())
                + " --location=global --workload-identity-pool=" + OutsideText.neutralise(gcp.poolId())
                + " --format=json > provider.json\n"
                + "then run\n  " + Launcher.current().forPeople("setup", "gcp", gcp.name(), "--check", "provider.json")
                + "\nwhich names each part that would refuse your token.";
    }

    private GcpWorkloadTarget gcp(Target target) {
        return kinds.as(target, GcpWorkloadTarget.class).orElseThrow(() -> new FedcredException("The target \""
                + target.name() + "\" is not a GCP workload identity target; `setup gcp` is for GCP targets."));
    }
}
