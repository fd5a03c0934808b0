package dev.fedcred.cli;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import dev.fedcred.core.Json;
import dev.fedcred.core.kube.KubeToken;
import java.time.temporal.ChronoUnit;

/**
 * The ExecCredential kubectl reads from its exec plugin: {@code client.authentication.k8s.io/v1},
 * or v1beta1 when {@code KUBERNETES_EXEC_INFO} (which kubectl sets) asks for it, as older kubectl
 * does. {@code status.expirationTimestamp} is RFC 3339 in whole seconds, UTC.
 */
final class ExecCredentialJson {
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
                JsonNode info = Json.MAPPER.readTree(variable);
                String version = V1BETA1.equals(info.path("apiVersion").asText()) ? V1BETA1 : V1;
                return new ExecInfo(version, info.path("spec").path("interactive").asBoolean(false));
            } catch (java.io.IOException | RuntimeException unreadable) {
                return new ExecInfo(V1, false);
            }
        }
    }

    static String of(KubeToken token, ExecInfo info) {
        ObjectNode credential = Json.MAPPER.createObjectNode();
        credential.put("kind", "ExecCredential");
        credential.put("apiVersion", info.apiVersion());
        credential.putObject("spec").put("interactive", info.interactive());
        ObjectNode status = credential.putObject("status");
        status.put("expirationTimestamp", token.expiresAt().truncatedTo(ChronoUnit.SECONDS).toString());
        status.put("token", token.token());
        return credential.toString();
    }
}
