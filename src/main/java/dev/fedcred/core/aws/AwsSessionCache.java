package dev.fedcred.core.aws;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import dev.fedcred.core.UtcInstants;
import dev.fedcred.core.cache.CredentialCache;
import java.nio.file.Path;

/**
 * The last credentials per AWS target, so {@code credential-process} and {@code env} can answer
 * without calling STS while they are fresh.
 */
public final class AwsSessionCache extends CredentialCache<AssumedRole> {

    public AwsSessionCache(Path file) {
        super(file, "the AWS session cache");
    }

    @Override
    protected void write(AssumedRole role, ObjectNode node) {
        node.put("access_key_id", role.accessKeyId());
        node.put("secret_access_key", role.secretAccessKey());
        node.put("session_token", role.sessionToken());
        node.put("expiration", UtcInstants.format(role.expiration()));
        node.put("assumed_role_arn", role.assumedRoleArn());
        node.put("assumed_role_id", role.assumedRoleId());
        node.put("subject", role.subject());
        node.put("audience", role.audience());
        node.put("provider", role.provider());
    }

    @Override
    protected AssumedRole read(JsonNode node) {
        return new AssumedRole(text(node, "access_key_id"), text(node, "secret_access_key"),
                text(node, "session_token"), UtcInstants.parse(text(node, "expiration")), text(node, "assumed_role_arn"),
                text(node, "assumed_role_id"), optionalText(node, "subject"), optionalText(node, "audience"),
                optionalText(node, "provider"));
    }

    /** What only AssumeRoleWithWebIdentity answers: a chained role's session (AssumeRole) has none of it. */
    private static String optionalText(JsonNode node, String field) {
        JsonNode value = node.get(field);
        return value == null || value.isNull() ? null : text(node, field);
    }
}
