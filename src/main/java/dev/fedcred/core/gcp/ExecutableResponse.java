package dev.fedcred.core.gcp;

import com.fasterxml.jackson.core.JsonFactory;
import com.fasterxml.jackson.core.JsonGenerator;
import com.fasterxml.jackson.databind.JsonNode;
import dev.fedcred.core.JsonTrees;
import java.io.IOException;
import java.io.StringWriter;
import java.io.UncheckedIOException;
import java.time.Instant;

/**
 * The JSON an executable credential source prints, as Google's auth libraries (Java, Python, Node,
 * Go) and gcloud read it: version 1; on success the token type, the ID token and its expiration time
 * in epoch seconds; on failure a code and a message, which the libraries put in the error they
 * raise. Written with Jackson's streaming generator: this is on the hot path of every library that
 * needs a new access token.
 */
public final class ExecutableResponse {
    public static final String ID_TOKEN_TYPE = "urn:ietf:params:oauth:token-type:id_token";
    private static final JsonFactory JSON = new JsonFactory();

    private ExecutableResponse() {
    }

    /** @param usableUntil when the libraries should run the command again (they reuse an output file until then) */
    public static String success(String idToken, Instant usableUntil) {
        return write(json -> {
            json.writeStringField("token_type", ID_TOKEN_TYPE);
            json.writeStringField("id_token", idToken);
            json.writeNumberField("expiration_time", usableUntil.getEpochSecond());
        }, true);
    }

    /** @param message what to do; never a token (the libraries show it) */
    public static String failure(String code, String message) {
        return write(json -> {
            json.writeStringField("code", code);
            json.writeStringField("message", message);
        }, false);
    }

    /**
     * Whether {@code text} is an executable response (version and success present): the only kind of
     * file fedcred overwrites when a library names an output file, so a misconfigured path never
     * replaces anything else.
     */
    public static boolean isOne(String text) {
        try {
            JsonNode node = JsonTrees.read(text);
            return node.has("version") && node.has("success");
        } catch (IOException | RuntimeException e) {
            return false;
        }
    }

    private interface Fields {
        void write(JsonGenerator json) throws IOException;
    }

    private static String write(Fields fields, boolean success) {
        StringWriter text = new StringWriter();
        try (JsonGenerator json = JSON.createGenerator(text)) {
            json.writeStartObject();
            json.writeNumberField("version", 1);
            json.writeBooleanField("success", success);
            fields.write(json);
            json.writeEndObject();
        } catch (IOException e) {
            throw new UncheckedIOException("executable response JSON could not be written", e);
        }
        return text.toString();
    }
}
