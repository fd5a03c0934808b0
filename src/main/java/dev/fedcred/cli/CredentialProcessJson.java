package dev.fedcred.cli;

import dev.fedcred.core.PlainJson;
import dev.fedcred.core.UtcInstants;
import dev.fedcred.core.aws.AssumedRole;

/**
 * Credentials in the JSON the AWS CLI and SDKs read from a {@code credential_process}: compact, on
 * one line. Written by hand, not by Jackson: this is the AWS CLI's hot path, and setting up Jackson's
 * generator costs a cold JVM more than the rest of the answer (docs/performance.md).
 */
final class CredentialProcessJson {
    private CredentialProcessJson() {
    }

    static String of(AssumedRole role) {
        StringBuilder json = new StringBuilder(1024).append("{\"Version\":1,\"AccessKeyId\":");
        PlainJson.appendString(json, role.accessKeyId()).append(",\"SecretAccessKey\":");
        PlainJson.appendString(json, role.secretAccessKey()).append(",\"SessionToken\":");
        PlainJson.appendString(json, role.sessionToken()).append(",\"Expiration\":");
        return PlainJson.appendString(json, UtcInstants.format(role.expiration())).append('}').toString();
    }
}
