package dev.fedcred.cli;

import com.fasterxml.jackson.core.JsonFactory;
import com.fasterxml.jackson.core.JsonGenerator;
import com.fasterxml.jackson.databind.JsonNode;
import dev.fedcred.core.JsonTrees;
import dev.fedcred.core.kube.KubeToken;
import java.io.IOException;
import java.io.StringWriter;
import java.io.UncheckedIOException;
import java.time.temporal.ChronoUnit;

/**
 * The ExecCredential kubectl reads from its exec plugin: {@code client.authentication.k8s.io/v1},
 * or v1beta1 when {@code KUBERNETES_EXEC_INFO} (which kubectl sets) asks for it, as older kubectl
 * does. {@code status.expirationTimestamp} is RFC 3339 in whole seconds, UTC. Read and written with
 * Jackson's streaming API, as {@link CredentialProcessJson}: kubectl runs this before every request.
 */
final class ExecCredentialJson {
    private static final JsonFactory JSON = new JsonFactory();
    static final String V1 = "client.authentication.k8s.io/v1";
    static final String V1BETA1 = "client.authentication.k8s.io/v1beta1";
    static final String EXEC_INFO_VARIABLE = "KUBERNETES_EXEC_INFO";

    private ExecCredentialJson() {
    }

    /** What kubectl said in KUBERNETES_EXEC_INFO: the API version it reads, and whether a person is there. */
    record ExecInfo(String apiVersion, boolean interactive) {
        static ExecInfo from(String variable) {
            if (variable == null || variable.isBlank()) {
                return new ExecInfo(V1, false);
            }
            try {
                JsonNode info = JsonTrees.read(variable);
                String version = V1BETA1.equals(info.path("apiVersion").asText()) ? V1BETA1 : V1;
                return new ExecInfo(version, info.path("spec").path("interactive").asBoolean(false));
            } catch (java.io.IOException | RuntimeException unreadable) {
                return new ExecInfo(V1, false);
            }
        }
    }

    static String of(KubeToken token, ExecInfo info) {
        StringWriter text = new StringWriter();
        try (JsonGenerator json = JSON.createGenerator(text)) {
            json.writeStartObject();
            json.writeStringField("kind", "ExecCredential");
            json.writeStringField("apiVersion", info.apiVersion());
            json.writeObjectFieldStart("spec");
            json.writeBooleanField("interactive", info.interactive());
            json.writeEndObject();
            json.writeObjectFieldStart("status");
            json.writeStringField("expirationTimestamp", token.expiresAt().truncatedTo(ChronoUnit.SECONDS).toString());
            json.writeStringField("token", token.token());
            json.writeEndObject();
            json.writeEndObject();
        } catch (IOException e) {
            throw new UncheckedIOException("the ExecCredential could not be written", e);
        }
        return text.toString();
    }
}
