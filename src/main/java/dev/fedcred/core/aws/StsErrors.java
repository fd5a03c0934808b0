package dev.fedcred.core.aws;

import static dev.fedcred.core.aws.AwsStsException.Remedy.*;

import dev.fedcred.core.Failures;
import dev.fedcred.core.oidc.TokenSet;
import dev.fedcred.core.targets.AwsRoleTarget;
import software.amazon.awssdk.core.exception.SdkClientException;
import software.amazon.awssdk.services.sts.model.StsException;

/** Turns STS's error codes into messages that say what to do about them. */
final class StsErrors {
    private StsErrors() {
    }

    static AwsStsException translate(StsException e, AwsRoleTarget target, TokenSet tokens) {
        String code = e.awsErrorDetails() == null ? "Unknown" : e.awsErrorDetails().errorCode();
        String stsMessage = e.awsErrorDetails() == null ? e.getMessage() : e.awsErrorDetails().errorMessage();
        String said = " (STS: " + code + ": " + stsMessage + ")";
        return switch (code) {
            case "ExpiredTokenException" -> new AwsStsException(SIGN_IN_AGAIN, code,
                    "AWS refused the ID token because it has expired" + said + ". Sign in again: `fedcred login --issuer "
                            + tokens.issuerName() + "`.", e);
            case "InvalidIdentityToken" -> new AwsStsException(FIX_TRUST_POLICY, code,
                    "AWS did not accept the ID token for " + target.roleArn() + said + ". "
                            + TrustPolicyAdvice.explain(target, tokens), e);
            case "IDPRejectedClaim", "AccessDenied" -> new AwsStsException(FIX_TRUST_POLICY, code,
                    "AWS would not let this identity assume " + target.roleArn() + said + ". "
                            + TrustPolicyAdvice.explain(target, tokens), e);
            case "IDPCommunicationError" -> new AwsStsException(TRY_LATER, code,
                    "AWS could not reach the identity provider to check the token, even after retrying" + said
                            + ". Try again in a minute.", e);
            case "Throttling", "ThrottlingException", "RequestLimitExceeded" -> new AwsStsException(TRY_LATER, code,
                    "AWS STS is throttling requests, even after retrying with backoff" + said + ". Try again in a minute.", e);
            case "ValidationError" -> new AwsStsException(FIX_TARGET, code, validationAdvice(target, stsMessage) + said, e);
            case "RegionDisabledException" -> new AwsStsException(FIX_TARGET, code,
                    "STS is not enabled in " + target.stsRegion() + " for this account" + said
                            + ". Choose another region for the target or activate STS there.", e);
            default -> new AwsStsException(FIX_TARGET, code,
                    "AWS STS refused to assume " + target.roleArn() + said + ".", e);
        };
    }

    static AwsStsException unreachable(SdkClientException e, String endpoint) {
        return new AwsStsException(CHECK_NETWORK, null, "Cannot reach AWS STS at " + endpoint + " ("
                + Failures.rootCause(e) + "). Check the network or proxy" + (endpoint.contains("127.0.0.1")
                ? "; for the sandbox, start it with `fedcred sandbox`" : "") + ", then try again.", e);
    }

    private static String validationAdvice(AwsRoleTarget target, String stsMessage) {
        if (stsMessage != null && stsMessage.contains("DurationSeconds exceeds")) {
            return "The target asks for " + target.sessionDuration().toSeconds() + " s, more than the role "
                    + target.roleArn() + " allows (its MaxSessionDuration). Lower the target's duration, or raise the"
                    + " role's maximum session duration in IAM";
        }
        return "AWS STS found the request for " + target.roleArn() + " invalid; check the target's role ARN,"
                + " duration and session name";
    }
}
