package dev.fedcred.core.aws;

import dev.fedcred.core.issued.IssuedCredentialChecks;
import java.time.Instant;
import software.amazon.awssdk.services.sts.model.AssumedRoleUser;
import software.amazon.awssdk.services.sts.model.Credentials;

/** What an STS assume action answered, refused unless it holds complete, sane credentials with time left. */
public final class StsReplies {
    private StsReplies() {
    }

    /**
     * @param subject  SubjectFromWebIdentityToken, or null (AssumeRole has none); so too audience and provider
     */
    public static AssumedRole assumedRole(Credentials credentials, AssumedRoleUser user, String endpoint, Instant now,
                                          String subject, String audience, String provider) {
        if (credentials == null || user == null || user.arn() == null) {
            throw StsErrors.notAnStsReply(endpoint, "HTTP 200 without " + (credentials == null ? "Credentials" : "AssumedRoleUser"));
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
                credentials.expiration(), user.arn(), user.assumedRoleId(), subject, audience, provider);
    }
}
