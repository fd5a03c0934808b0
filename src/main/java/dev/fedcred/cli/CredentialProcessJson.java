package dev.fedcred.cli;

import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.databind.node.ObjectNode;
import dev.fedcred.core.Json;
import dev.fedcred.core.aws.AssumedRole;

/** Credentials in the JSON the AWS CLI and SDKs read from a {@code credential_process}. */
final class CredentialProcessJson {
    private CredentialProcessJson() {
    }

    static String of(AssumedRole role) {
        ObjectNode json = Json.MAPPER.createObjectNode();
        json.put("Version", 1);
        json.put("AccessKeyId", role.accessKeyId());
        json.put("SecretAccessKey", role.secretAccessKey());
        json.put("SessionToken", role.sessionToken());
        json.put("Expiration", role.expiration().toString());
        try {
            return Json.MAPPER.writeValueAsString(json);
        } catch (JsonProcessingException e) {
            throw new IllegalStateException("credential_process JSON did not serialize", e);
        }
    }
}
