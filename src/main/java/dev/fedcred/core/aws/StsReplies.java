package dev.fedcred.core.aws;

import java.time.Instant;
import software.amazon.awssdk.services.sts.model.AssumedRoleUser;
import software.amazon.awssdk.services.sts.model.Credentials;

/** What an STS assume action answered through the AWS SDK, refused unless it holds complete, sane credentials with time left. */
public final class StsReplies {
    private StsReplies() {
    }

    /**
     * @param subject  SubjectFromWebIdentityToken, or null (AssumeRole has none); so too audience and provider
     */
    public static AssumedRole assumedRole(Credentials credentials, AssumedRoleUser user, String endpoint, Instant now,
                                          String subject, String audience, String provider) {
        StsReply.Keys keys = credentials == null ? null : new StsReply.Keys(credentials.accessKeyId(),
                credentials.secretAccessKey(), credentials.sessionToken(), credentials.expiration());
        StsReply.User roleUser = user == null ? null : new StsReply.User(user.arn(), user.assumedRoleId());
        return new StsReply(keys, roleUser, subject, audience, provider).assumedRole(endpoint, now);
    }
}
