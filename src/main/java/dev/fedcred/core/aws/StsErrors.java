package dev.fedcred.core.aws;

import dev.fedcred.core.CredentialsException;
import static dev.fedcred.core.CredentialsException.Remedy.*;

import dev.fedcred.core.Failures;
import dev.fedcred.core.net.Deadline;
import dev.fedcred.core.net.Replies;
import dev.fedcred.core.net.ReplyTooLargeException;
import dev.fedcred.core.text.OutsideText;
import java.time.Duration;
import dev.fedcred.core.oidc.TokenSet;
import dev.fedcred.core.aws.AwsRoleTarget;
import software.amazon.awssdk.core.exception.ApiCallAttemptTimeoutException;
import software.amazon.awssdk.core.exception.ApiCallTimeoutException;
import software.amazon.awssdk.core.exception.SdkClientException;
import software.amazon.awssdk.services.sts.model.StsException;

/** Turns STS's error codes into messages that say what to do about them. */
public final class StsErrors {
    private StsErrors() {
    }

    static CredentialsException translate(StsException e, AwsRoleTarget target, TokenSet tokens) {
        String code = code(e);
        if (code == null) {
            // no STS error document: a proxy's page, a load balancer's error, a wrong endpoint
            return notAnStsReply(WebIdentityRoleAssumer.endpointFor(target), "HTTP " + e.statusCode()
                    + " without an STS error code", e);
        }
        String said = said(e);
        return switch (code) {
            case "ExpiredTokenException" -> new CredentialsException(SIGN_IN_AGAIN, code,
                    "AWS refused the ID token because it has expired" + said + ". Sign in again: `fedcred login --issuer "
                            + tokens.issuerName() + "`.", e);
            case "InvalidIdentityToken" -> new CredentialsException(FIX_CLOUD_SETUP, code,
                    "AWS did not accept the ID token for " + target.roleArn() + said + ". "
                            + TrustPolicyAdvice.explain(target, tokens), e);
            case "IDPRejectedClaim", "AccessDenied" -> new CredentialsException(FIX_CLOUD_SETUP, code,
                    "AWS would not let this identity assume " + target.roleArn() + said + ". "
                            + TrustPolicyAdvice.explain(target, tokens), e);
            case "IDPCommunicationError" -> new CredentialsException(TRY_LATER, code,
                    "AWS could not reach the identity provider to check the token, even after retrying" + said
                            + ". Try again in a minute.", e);
            case "ValidationError" -> new CredentialsException(FIX_TARGET, code,
                    validationAdvice(target, messageOf(e)) + said, e);
            default -> general(e, target.stsRegion(), target.roleArn());
        };
    }

    /** STS's error code, or null when the reply carried none (not an STS error document). */
    public static String code(StsException e) {
        String code = e.awsErrorDetails() == null ? null : e.awsErrorDetails().errorCode();
        return code == null || code.isBlank() ? null : code;
    }

    /** " (STS: Code: message)", neutralised and cut, to append to a message. */
    public static String said(StsException e) {
        return " (STS: " + OutsideText.shown(code(e)) + ": " + messageOf(e) + ")";
    }

    private static String messageOf(StsException e) {
        return OutsideText.shown(e.awsErrorDetails().errorMessage() == null ? "" : e.awsErrorDetails().errorMessage());
    }

    /** What any STS action's error means when the action has no more to say about its code. */
    public static CredentialsException general(StsException e, String region, String roleArn) {
        String code = code(e);
        String said = said(e);
        return switch (code) {
            case "Throttling", "ThrottlingException", "RequestLimitExceeded" -> new CredentialsException(TRY_LATER, code,
                    "AWS STS is throttling requests, even after retrying with backoff" + said + ". Try again in a minute.", e);
            case "RegionDisabledException" -> new CredentialsException(FIX_TARGET, code,
                    "STS is not enabled in " + region + " for this account" + said
                            + ". Choose another region for the target or activate STS there.", e);
            default -> new CredentialsException(FIX_TARGET, code,
                    "AWS STS refused to assume " + roleArn + said + ".", e);
        };
    }

    /**
     * The SDK got no usable reply: too large, too late, unreadable (not STS's XML), or none at all.
     * Only the last means the network; the others name what came back.
     */
    public static RuntimeException clientFailure(SdkClientException e, String endpoint, Duration deadline) {
        ReplyTooLargeException tooLarge = Replies.tooLarge(e);
        if (tooLarge != null) {
            return tooLarge;
        }
        if (e instanceof ApiCallTimeoutException || e instanceof ApiCallAttemptTimeoutException || Replies.deadlineReached(e)) {
            return new CredentialsException(TRY_LATER, null, "AWS STS at " + endpoint + " did not answer within "
                    + Deadline.shown(deadline) + ". Check the network or proxy" + sandboxHint(endpoint)
                    + ", then try again.", e);
        }
        if (isUnreadableReply(e)) {
            return notAnStsReply(endpoint, "a reply the AWS SDK could not read as STS's XML", e);
        }
        return unreachable(e, endpoint);
    }

    static CredentialsException notAnStsReply(String endpoint, String what) {
        return notAnStsReply(endpoint, what, null);
    }

    public static CredentialsException notAnStsReply(String endpoint, String what, Throwable cause) {
        return new CredentialsException(CHECK_ENDPOINT, null, "Something at " + endpoint + " answered, but not as AWS STS does ("
                + what + "): a proxy or captive portal in the way, or an endpoint that is not STS. Check the target's"
                + " STS endpoint and the network's proxy (sign in to it in a browser if it asks), then try again.", cause);
    }

    /** The SDK's unmarshalling failures carry no I/O error; connection failures always do. */
    private static boolean isUnreadableReply(SdkClientException e) {
        for (Throwable at = e.getCause(); at != null; at = at.getCause() == at ? null : at.getCause()) {
            if (at instanceof java.io.IOException) {
                return false;
            }
        }
        return e.getCause() != null;
    }

    private static String sandboxHint(String endpoint) {
        return endpoint.contains("127.0.0.1") ? "; for the sandbox, start it with `fedcred sandbox`" : "";
    }

    static CredentialsException unreachable(SdkClientException e, String endpoint) {
        return new CredentialsException(CHECK_NETWORK, null, "Cannot reach AWS STS at " + endpoint + " ("
                + Failures.rootCause(e) + "). Check the network or proxy" + sandboxHint(endpoint) + ", then try again.", e);
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
