package dev.fedcred.core.aws;

import dev.fedcred.core.CredentialsException;
import dev.fedcred.core.net.Replies;
import dev.fedcred.core.net.ReplyTooLargeException;
import java.time.Duration;
import software.amazon.awssdk.core.exception.ApiCallAttemptTimeoutException;
import software.amazon.awssdk.core.exception.ApiCallTimeoutException;
import software.amazon.awssdk.core.exception.SdkClientException;
import software.amazon.awssdk.services.sts.model.StsException;

/** The AWS SDK's STS exceptions in the words of {@link StsRefusals}, for the calls made through the SDK. */
public final class StsErrors {
    private StsErrors() {
    }

    /** What STS said in {@code e}. */
    public static StsRefusal refusal(StsException e) {
        return e.awsErrorDetails() == null ? new StsRefusal(e.statusCode(), null, null)
                : new StsRefusal(e.statusCode(), e.awsErrorDetails().errorCode(), e.awsErrorDetails().errorMessage());
    }

    /** STS's error code, or null when the reply carried none (not an STS error document). */
    public static String code(StsException e) {
        return refusal(e).code();
    }

    /** " (STS: Code: message)", neutralised and cut, to append to a message. */
    public static String said(StsException e) {
        return refusal(e).said();
    }

    /** What any STS action's error means when the action has no more to say about its code. */
    public static CredentialsException general(StsException e, String region, String roleArn) {
        return StsRefusals.general(refusal(e), region, roleArn, e);
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
            return StsRefusals.timedOut(endpoint, deadline, e);
        }
        if (isUnreadableReply(e)) {
            return notAnStsReply(endpoint, "a reply the AWS SDK could not read as STS's XML", e);
        }
        return StsRefusals.unreachable(e, endpoint);
    }

    public static CredentialsException notAnStsReply(String endpoint, String what, Throwable cause) {
        return StsRefusals.notAnStsReply(endpoint, what, cause);
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
}
