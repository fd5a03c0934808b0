package dev.fedcred.cli;

import com.fasterxml.jackson.core.JsonFactory;
import com.fasterxml.jackson.core.JsonGenerator;
import dev.fedcred.core.UtcInstants;
import dev.fedcred.core.aws.AssumedRole;
import java.io.IOException;
import java.io.StringWriter;
import java.io.UncheckedIOException;

/**
 * Credentials in the JSON the AWS CLI and SDKs read from a {@code credential_process}. Written
 * with Jackson's streaming generator: this is the AWS CLI's hot path, and building the object
 * mapper alone costs some 400 classes and ~60 ms on a cold JVM. Compact, on one line: the AWS CLI
 * and SDKs parse JSON, and the pretty printer is a dozen more classes to load.
 */
final class CredentialProcessJson {
    private static final JsonFactory JSON = new JsonFactory();

    private CredentialProcessJson() {
    }

    static String of(AssumedRole role) {
        StringWriter text = new StringWriter();
        try (JsonGenerator json = JSON.createGenerator(text)) {
            json.writeStartObject();
            json.writeNumberField("Version", 1);
            json.writeStringField("AccessKeyId", role.accessKeyId());
            json.writeStringField("SecretAccessKey", role.secretAccessKey());
            json.writeStringField("SessionToken", role.sessionToken());
            json.writeStringField("Expiration", UtcInstants.format(role.expiration()));
            json.writeEndObject();
        } catch (IOException e) {
            throw new UncheckedIOException("credential_process JSON could not be written", e);
        }
        return text.toString();
    }
}
