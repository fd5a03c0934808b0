package dev.fedcred.core.aws;

import dev.fedcred.core.UtcInstants;
import dev.fedcred.core.aws.profiles.AwsCredentials;
import java.time.Duration;
import java.time.Instant;

/**
 * Short-lived credentials from AssumeRoleWithWebIdentity and what STS said about them.
 * {@link #toString()} shows the access key ID and expiry only, never the secret or session token.
 */
public record AssumedRole(
        String accessKeyId,
        String secretAccessKey,
        String sessionToken,
        Instant expiration,
        String assumedRoleArn,
        String assumedRoleId,
        String subject,
        String audience,
        String provider) {

    public AwsCredentials credentials() {
        return new AwsCredentials(accessKeyId, secretAccessKey, sessionToken, expiration);
    }

    public boolean validFor(Duration margin, Instant now) {
        return UtcInstants.moreThanLeft(margin, now, expiration);
    }

    @Override
    public String toString() {
        return "AssumedRole[accessKeyId=" + accessKeyId + ", expiration=" + expiration + ", arn=" + assumedRoleArn + "]";
    }
}
