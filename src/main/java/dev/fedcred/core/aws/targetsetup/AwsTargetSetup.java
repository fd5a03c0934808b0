package dev.fedcred.core.aws.targetsetup;

import com.fasterxml.jackson.databind.JsonNode;
import dev.fedcred.core.FedcredException;
import dev.fedcred.core.aws.AwsRoleTarget;
import dev.fedcred.core.aws.chained.ChainedRoleTarget;
import dev.fedcred.core.aws.setup.AwsSetupGenerator;
import dev.fedcred.core.aws.setup.RoleArn;
import dev.fedcred.core.aws.setup.SetupDocument;
import dev.fedcred.core.aws.setup.TrustPolicyCheck;
import dev.fedcred.core.aws.setup.WebIdentityTrust;
import dev.fedcred.core.issuers.IssuerRegistry;
import dev.fedcred.core.oidc.IssuerConfig;
import dev.fedcred.core.oidc.TokenSet;
import dev.fedcred.core.session.IdentitySessions;
import dev.fedcred.core.session.SignInRequiredException;
import dev.fedcred.core.settings.TargetRegistry;
import dev.fedcred.core.targets.Target;
import dev.fedcred.core.targets.TargetKinds;
import dev.fedcred.core.launch.Launcher;
import dev.fedcred.core.text.OutsideText;
import java.util.List;
import java.util.Optional;

/**
 * The AWS set-up of a target (or of a role not yet a target) from the stored sign-in: what
 * {@code fedcred setup aws} prints and a window can show. It reads the stored token's claims only:
 * an expired token still names the issuer, client and user.
 */
public final class AwsTargetSetup {
    private final TargetRegistry targets;
    private final TargetKinds kinds;
    private final IssuerRegistry issuers;
    private final IdentitySessions sessions;

    public AwsTargetSetup(TargetRegistry targets, TargetKinds kinds, IssuerRegistry issuers, IdentitySessions sessions) {
        this.targets = targets;
        this.kinds = kinds;
        this.issuers = issuers;
        this.sessions = sessions;
    }

    /** The documents for an AWS target: web identity for a role, the chain's trust for a chained role. */
    public List<SetupDocument> forTarget(String targetName, boolean withSub) {
        Target target = targets.resolve(targetName);
        Optional<ChainedRoleTarget> chained = kinds.as(target, ChainedRoleTarget.class);
        if (chained.isPresent()) {
            Target source = targets.resolve(chained.get().source());
            return AwsSetupGenerator.chained(RoleArn.parse(roleArnOf(source)), RoleArn.parse(chained.get().roleArn()),
                    chained.get().externalId());
        }
        AwsRoleTarget role = awsRole(target);
        return forRole(role.roleArn(), targets.issuerOf(target), withSub);
    }

    /** The documents for a role that is not (yet) a target, trusting {@code issuerName}'s tokens (null: the default issuer). */
    public List<SetupDocument> forRole(String roleArn, String issuerName, boolean withSub) {
        RoleArn role = RoleArn.parse(roleArn);
        return AwsSetupGenerator.webIdentity(WebIdentityTrust.fromClaims(tokens(issuerName).claims(), role, withSub));
    }

    /**
     * Evaluates {@code policy} (the role's trust policy, or get-role's whole answer) against the
     * target's sign-in; for a chained target, against the AssumeRole its source's session sends.
     */
    public TrustPolicyCheck.Verdict check(String targetName, JsonNode policy) {
        Target target = targets.resolve(targetName);
        Optional<ChainedRoleTarget> chained = kinds.as(target, ChainedRoleTarget.class);
        if (chained.isPresent()) {
            Target source = targets.resolve(chained.get().source());
            return TrustPolicyCheck.checkChained(document(policy), RoleArn.parse(roleArnOf(source)),
                    chained.get().externalId(), "the session of " + source.name());
        }
        return checkRole(awsRole(target).roleArn(), targets.issuerOf(target), policy);
    }

    public TrustPolicyCheck.Verdict checkRole(String roleArn, String issuerName, JsonNode policy) {
        return TrustPolicyCheck.check(document(policy), tokens(issuerName).claims(), RoleArn.parse(roleArn));
    }

    private static JsonNode document(JsonNode policy) {
        return policy.has("Role") ? policy.path("Role").path("AssumeRolePolicyDocument") : policy;
    }

    /**
     * How to see which condition of the role's present trust policy refuses the target's token, as
     * the refusal itself says it; null for a chained role, which no ID token assumes.
     */
    public String checkHint(String targetName) {
        Target target = targets.resolve(targetName);
        if (kinds.as(target, ChainedRoleTarget.class).isPresent()) {
            return null;
        }
        RoleArn role = RoleArn.parse(awsRole(target).roleArn());
        return "Already have the role? Check its trust policy against your token: save it with\n"
                + "  aws iam get-role --role-name " + OutsideText.neutralise(role.name())
                + " --query Role.AssumeRolePolicyDocument --output json > trust-policy.json\n"
                + "then run\n  " + Launcher.current().forPeople("setup", "aws", target.name(), "--check", "trust-policy.json")
                + "\nwhich names each condition your token does not meet.";
    }

    private TokenSet tokens(String issuerName) {
        IssuerConfig issuer = issuers.resolve(issuerName);
        return sessions.current(issuer.name()).orElseThrow(() -> new SignInRequiredException(issuer.name(),
                "You are not signed in to " + issuer.name() + "; the set-up is made from your signed-in token's claims."));
    }

    private AwsRoleTarget awsRole(Target target) {
        return kinds.as(target, AwsRoleTarget.class).orElseThrow(() -> new FedcredException("The target \""
                + target.name() + "\" is not an AWS role; `setup aws` is for AWS targets."));
    }

    private String roleArnOf(Target source) {
        return kinds.as(source, AwsRoleTarget.class).map(AwsRoleTarget::roleArn)
                .or(() -> kinds.as(source, ChainedRoleTarget.class).map(ChainedRoleTarget::roleArn))
                .orElseThrow(() -> new FedcredException("The chain's source \"" + source.name() + "\" is not an AWS role."));
    }
}
