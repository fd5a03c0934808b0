package dev.fedcred.core.aws.profiles;

import dev.fedcred.core.FedcredException;
import java.time.Instant;
import java.util.Objects;

/**
 * Temporary AWS credentials from STS. {@link #toString()} shows only the access key id and the
 * expiry, so the record can be logged or shown without leaking the secret or the session token.
 */
public record AwsCredentials(String accessKeyId, String secretAccessKey, String sessionToken, Instant expiration) {

    public AwsCredentials {
        requireSingleToken("access key id", accessKeyId);
        requireSingleToken("secret access key", secretAccessKey);
        requireSingleToken("session token", sessionToken);
        Objects.requireNonNull(expiration, "expiration");
    }

    /**
     * Every value goes on one {@code key = value} line, so whitespace or a control character would
     * change what the AWS tools read back. The message names the field, never its value.
     */
    private static void requireSingleToken(String field, String value) {
        if (value == null || value.isEmpty()) {
            throw new FedcredException("The AWS " + field + " from STS is empty; sign in again and retry.");
        }
        for (int i = 0; i < value.length(); i++) {
            char c = value.charAt(i);
            if (c <= ' ' || c == 0x7f) {
                throw new FedcredException("The AWS " + field + " from STS contains whitespace or a control"
                        + " character, so it cannot be written to the AWS credentials file; sign in again and retry.");
            }
        }
    }

    @Override
    public String toString() {
        return "AwsCredentials[accessKeyId=" + accessKeyId + ", expiration=" + expiration + "]";
    }
}
