package dev.fedcred.core.aws;

import dev.fedcred.core.issued.IssuedCredentialChecks;
import java.time.Instant;

/**
 * What an STS assume action answered, each part null where the reply lacked it. It names no AWS
 * SDK type: {@link WebIdentityStsClient} reads it from STS's XML itself, and {@link StsReplies}
 * makes it from the SDK's model.
 *
 * @param subject SubjectFromWebIdentityToken, or null (AssumeRole has none); so too audience and provider
 */
public record StsReply(Keys credentials, User assumedRoleUser, String subject, String audience, String provider) {
    /** The Credentials element. */
    public record Keys(String accessKeyId, String secretAccessKey, String sessionToken, Instant expiration) {
        @Override
        public String toString() {
            return "Keys[" + accessKeyId + ", expiring " + expiration + "]";
        }
    }

    /** The AssumedRoleUser element. */
    public record User(String arn, String assumedRoleId) {
    }

    /** The credentials, refused unless they are complete, sane and have time left at {@code now}. */
    public AssumedRole assumedRole(String endpoint, Instant now) {
        if (credentials == null || assumedRoleUser == null || assumedRoleUser.arn() == null) {
            throw StsRefusals.notAnStsReply(endpoint, "HTTP 200 without "
                    + (credentials == null ? "Credentials" : "AssumedRoleUser"), null);
        }
        String source = "AWS STS at " + endpoint;
        IssuedCredentialChecks.requireValue(source, "AccessKeyId", credentials.accessKeyId(),
                IssuedCredentialChecks.MAX_KEY_ID_CHARS);
        IssuedCredentialChecks.requireValue(source, "SecretAccessKey", credentials.secretAccessKey(),
                IssuedCredentialChecks.MAX_SECRET_CHARS);
        IssuedCredentialChecks.requireValue(source, "SessionToken", credentials.sessionToken(),
                IssuedCredentialChecks.MAX_TOKEN_CHARS);
        IssuedCredentialChecks.requireLifetime(source, credentials.expiration(), now);
        return new AssumedRole(credentials.accessKeyId(), credentials.secretAccessKey(), credentials.sessionToken(),
                credentials.expiration(), assumedRoleUser.arn(), assumedRoleUser.assumedRoleId(), subject, audience, provider);
    }
}
