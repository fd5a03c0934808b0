package dev.fedcred.core.aws;

import static dev.fedcred.core.CredentialsException.Remedy.*;

import dev.fedcred.core.CredentialsException;
import dev.fedcred.core.Failures;
import dev.fedcred.core.net.Deadline;
import dev.fedcred.core.oidc.TokenSet;
import java.time.Duration;

/**
 * What STS's refusals and failed calls mean, in messages that say what to do. It names no AWS SDK
 * type, so the web-identity call, which does without the SDK, loads none through it;
 * {@link StsErrors} turns the SDK's exceptions into the same messages.
 */
public final class StsRefusals {
    private StsRefusals() {
    }

    /** A refusal of AssumeRoleWithWebIdentity for {@code target}; {@code cause} may be null. */
    static CredentialsException webIdentity(StsRefusal refusal, AwsRoleTarget target, TokenSet tokens, Throwable cause) {
        String code = refusal.code();
        if (code == null) {
            // no STS error document: a proxy's page, a load balancer's error, a wrong endpoint
            return notAnStsReply(WebIdentityRoleAssumer.endpointFor(target), "HTTP " + refusal.status()
                    + " without an STS error code", cause);
        }
        String said = refusal.said();
        return switch (code) {
            case "ExpiredTokenException" -> new CredentialsException(SIGN_IN_AGAIN, code,
                    "AWS refused the ID token because it has expired" + said + ". Sign in again: `fedcred login --issuer "
                            + tokens.issuerName() + "`.", cause);
            case "InvalidIdentityToken" -> new CredentialsException(FIX_CLOUD_SETUP, code,
                    "AWS did not accept the ID token for " + target.roleArn() + said + ". "
                            + TrustPolicyAdvice.explain(target, tokens), cause);
            case "IDPRejectedClaim", "AccessDenied" -> new CredentialsException(FIX_CLOUD_SETUP, code,
                    "AWS would not let this identity assume " + target.roleArn() + said + ". "
                            + TrustPolicyAdvice.explain(target, tokens), cause);
            case "IDPCommunicationError" -> new CredentialsException(TRY_LATER, code,
                    "AWS could not reach the identity provider to check the token, even after retrying" + said
                            + ". Try again in a minute.", cause);
            case "ValidationError" -> new CredentialsException(FIX_TARGET, code,
                    validationAdvice(target, refusal.shownMessage()) + said, cause);
            default -> general(refusal, target.stsRegion(), target.roleArn(), cause);
        };
    }

    /** What any STS action's error means when the action has no more to say about its code. */
    public static CredentialsException general(StsRefusal refusal, String region, String roleArn, Throwable cause) {
        String code = refusal.code();
        String said = refusal.said();
        return switch (code) {
            case "Throttling", "ThrottlingException", "RequestLimitExceeded" -> new CredentialsException(TRY_LATER, code,
                    "AWS STS is throttling requests, even after retrying with backoff" + said + ". Try again in a minute.", cause);
            case "RegionDisabledException" -> new CredentialsException(FIX_TARGET, code,
                    "STS is not enabled in " + region + " for this account" + said
                            + ". Choose another region for the target or activate STS there.", cause);
            default -> new CredentialsException(FIX_TARGET, code,
                    "AWS STS refused to assume " + roleArn + said + ".", cause);
        };
    }

    public static CredentialsException notAnStsReply(String endpoint, String what, Throwable cause) {
        return new CredentialsException(CHECK_ENDPOINT, null, "Something at " + endpoint + " answered, but not as AWS STS does ("
                + what + "): a proxy or captive portal in the way, or an endpoint that is not STS. Check the target's"
                + " STS endpoint and the network's proxy (sign in to it in a browser if it asks), then try again.", cause);
    }

    /** No whole reply within the call's deadline, retries included. */
    public static CredentialsException timedOut(String endpoint, Duration deadline, Throwable cause) {
        return new CredentialsException(TRY_LATER, null, "AWS STS at " + endpoint + " did not answer within "
                + Deadline.shown(deadline) + ". Check the network or proxy" + sandboxHint(endpoint)
                + ", then try again.", cause);
    }

    /** No connection, or one that broke: {@code e}'s innermost cause says which. */
    public static CredentialsException unreachable(Throwable e, String endpoint) {
        return new CredentialsException(CHECK_NETWORK, null, "Cannot reach AWS STS at " + endpoint + " ("
                + Failures.rootCause(e) + "). Check the network or proxy" + sandboxHint(endpoint) + ", then try again.", e);
    }

    private static String sandboxHint(String endpoint) {
        return endpoint.contains("127.0.0.1") ? "; for the sandbox, start it with `fedcred sandbox`" : "";
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
