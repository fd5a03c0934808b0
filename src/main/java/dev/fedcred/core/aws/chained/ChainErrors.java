package dev.fedcred.core.aws.chained;

import static dev.fedcred.core.CredentialsException.Remedy.FIX_CLOUD_SETUP;
import static dev.fedcred.core.CredentialsException.Remedy.FIX_TARGET;
import static dev.fedcred.core.CredentialsException.Remedy.TRY_LATER;

import dev.fedcred.core.CredentialsException;
import dev.fedcred.core.FedcredException;
import dev.fedcred.core.aws.AssumedRole;
import dev.fedcred.core.aws.StsErrors;
import dev.fedcred.core.aws.setup.RoleArn;
import dev.fedcred.core.aws.setup.TrustPolicyCheck;
import dev.fedcred.core.text.OutsideText;
import software.amazon.awssdk.services.sts.model.StsException;

/** What STS's refusals of AssumeRole mean for a chained role, and what to change. */
final class ChainErrors {
    private ChainErrors() {
    }

    static CredentialsException translate(StsException e, ChainedRoleTarget target, String sourceName,
                                          AssumedRole source, String region, String endpoint) {
        String code = StsErrors.code(e);
        if (code == null) {
            return StsErrors.notAnStsReply(endpoint, "HTTP " + e.statusCode() + " without an STS error code", e);
        }
        String said = StsErrors.said(e);
        return switch (code) {
            case "AccessDenied" -> new CredentialsException(FIX_CLOUD_SETUP, code, "AWS would not let the session "
                    + OutsideText.shown(source.assumedRoleArn()) + " (from the target " + sourceName + ") assume "
                    + target.roleArn() + said + ". " + trustAdvice(target, source.assumedRoleArn()), e);
            case "ExpiredToken" -> new CredentialsException(TRY_LATER, code, "The session of the source target "
                    + sourceName + " had expired when AWS STS got the request" + said + ". Try again: fedcred renews the"
                    + " source first; if it happens again, check this computer's clock.", e);
            case "InvalidClientTokenId" -> new CredentialsException(FIX_TARGET, code, "AWS STS at " + endpoint
                    + " does not know the session of the source target " + sourceName + said + ". A chained role must"
                    + " call the STS that issued its source's session: leave its STS endpoint unset to use the source's.", e);
            case "ValidationError" -> new CredentialsException(FIX_TARGET, code, (e.getMessage() != null
                    && e.getMessage().contains("role chaining")
                    ? ChainedRoleRules.durationProblem(target.sessionDuration().toSeconds()).orElse("AWS caps a chained"
                            + " session at one hour.")
                    : "AWS STS found the request for " + target.roleArn() + " invalid; check the target's role ARN,"
                            + " external ID, duration and session name.") + said, e);
            default -> StsErrors.general(e, region, target.roleArn());
        };
    }

    /**
     * The statement the target role's trust policy needs: the source's role as AWS principal. An
     * assumed-role ARN arn:aws:sts::ACCOUNT:assumed-role/NAME/SESSION names the role
     * arn:aws:iam::ACCOUNT:role/NAME (IAM leaves a role's path out of it: add it if the role has one).
     */
    static String trustAdvice(ChainedRoleTarget target, String sourceArn) {
        String principal = sourceRoleArn(sourceArn);
        String condition = target.externalId() == null ? ""
                : ",\"Condition\":{\"StringEquals\":{\"sts:ExternalId\":\"" + OutsideText.shown(target.externalId()) + "\"}}";
        return "The trust policy of " + target.roleArn() + " must allow the source's role, for example:\n"
                + "{\"Effect\":\"Allow\",\"Principal\":{\"AWS\":\"" + principal + "\"},\"Action\":\"sts:AssumeRole\""
                + condition + "}\n"
                + "and the role " + principal + " needs permission for sts:AssumeRole on " + target.roleArn() + "."
                + checkAdvice(target);
    }

    /** How to find which part of the target role's present trust policy refuses the source's session. */
    private static String checkAdvice(ChainedRoleTarget target) {
        try {
            return "\nTo see which part of the role's present trust policy refuses it, save the policy and check it:\n"
                    + TrustPolicyCheck.checkCommands(RoleArn.parse(target.roleArn()).name(), target.name());
        } catch (FedcredException | IllegalArgumentException e) {
            return "";
        }
    }

    static String sourceRoleArn(String assumedRoleArn) {
        String shown = OutsideText.shown(assumedRoleArn);
        String[] parts = shown.split(":", 6);
        if (parts.length < 6 || !parts[5].startsWith("assumed-role/")) {
            return shown;
        }
        String[] path = parts[5].substring("assumed-role/".length()).split("/");
        return parts[0] + ":" + parts[1] + ":iam::" + parts[4] + ":role/" + path[0];
    }
}
