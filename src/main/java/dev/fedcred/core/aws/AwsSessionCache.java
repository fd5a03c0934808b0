package dev.fedcred.core.aws;

import dev.fedcred.core.UtcInstants;
import dev.fedcred.core.cache.CacheEntry;
import dev.fedcred.core.cache.CredentialCache;
import java.nio.file.Path;
import java.time.Duration;

/**
 * The last credentials per AWS target, so {@code credential-process} and {@code env} can answer
 * without calling STS while they are fresh.
 */
public final class AwsSessionCache extends CredentialCache<AssumedRole> {
    /**
     * Credentials with less than this left are renewed instead of reused: botocore and the SDKs
     * start refreshing process credentials 15 minutes before they expire. Kept here, not in
     * {@link AwsCredentialService}, so the cached {@code credential-process} does not load that class.
     */
    public static final Duration REUSE_MARGIN = Duration.ofMinutes(15);

    public AwsSessionCache(Path file) {
        super(file, "the AWS session cache");
    }

    @Override
    protected void write(AssumedRole role, CacheEntry entry) {
        entry.put("access_key_id", role.accessKeyId());
        entry.put("secret_access_key", role.secretAccessKey());
        entry.put("session_token", role.sessionToken());
        entry.put("expiration", UtcInstants.format(role.expiration()));
        entry.put("assumed_role_arn", role.assumedRoleArn());
        entry.put("assumed_role_id", role.assumedRoleId());
        entry.put("subject", role.subject());
        entry.put("audience", role.audience());
        entry.put("provider", role.provider());
    }

    @Override
    protected AssumedRole read(CacheEntry entry) {
        // subject, audience and provider are what only AssumeRoleWithWebIdentity answers: a chained
        // role's session (AssumeRole) has none of them
        return new AssumedRole(entry.text("access_key_id"), entry.text("secret_access_key"),
                entry.text("session_token"), UtcInstants.parse(entry.text("expiration")), entry.text("assumed_role_arn"),
                entry.text("assumed_role_id"), entry.optionalText("subject"), entry.optionalText("audience"),
                entry.optionalText("provider"));
    }
}
