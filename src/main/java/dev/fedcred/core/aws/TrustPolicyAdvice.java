package dev.fedcred.core.aws;

import dev.fedcred.core.FedcredException;
import dev.fedcred.core.aws.setup.AwsSetupGenerator;
import dev.fedcred.core.aws.setup.IamProviders;
import dev.fedcred.core.aws.setup.RoleArn;
import dev.fedcred.core.aws.setup.TrustPolicyCheck;
import dev.fedcred.core.aws.setup.WebIdentityTrust;
import dev.fedcred.core.launch.Launcher;
import dev.fedcred.core.oidc.TokenSet;
import dev.fedcred.core.text.OutsideText;

/**
 * When STS refuses a token, people need to see what the token says beside what the role's trust
 * policy must say. STS never says which condition failed; fedcred can, given the policy, so the
 * advice ends with the two commands that fetch the role's policy and check it against this token.
 */
final class TrustPolicyAdvice {
    private TrustPolicyAdvice() {
    }

    static String explain(AwsRoleTarget target, TokenSet tokens) {
        String iss = String.valueOf(tokens.claims().get("iss"));
        String said = "The token says iss=" + OutsideText.shown(iss) + ", aud=" + OutsideText.shown(tokens.audience())
                + ", sub=" + OutsideText.shown(tokens.subject()) + ".";
        RoleArn role;
        WebIdentityTrust trust;
        try {
            role = RoleArn.parse(target.roleArn());
            trust = WebIdentityTrust.fromClaims(tokens.claims(), role, true);
        } catch (FedcredException | IllegalArgumentException e) {
            return said + " The trust policy of " + OutsideText.shown(target.roleArn()) + " must allow it.";
        }
        String example = AwsSetupGenerator.compactPolicy(AwsSetupGenerator.webIdentityPolicy(trust));
        return said + " The trust policy of " + target.roleArn() + " must allow it, for example:\n"
                + OutsideText.neutralise(example)
                + (trust.isGoogle() ? "" : "\n(The IAM OIDC provider " + OutsideText.shown(trust.providerKey())
                        + " must exist and list " + OutsideText.shown(trust.clientId()) + " as a client ID.)")
                + "\n`" + Launcher.current().forPeople("setup", "aws", target.name()) + "` prints the whole set-up."
                + " To see which condition of the role's present trust policy fails, save it and check it against this token:\n"
                + TrustPolicyCheck.checkCommands(role.name(), target.name());
    }

    /** How IAM names an issuer in principals and condition keys: host and path, no scheme. */
    static String providerKey(String iss) {
        return IamProviders.providerKey(iss);
    }
}
