package dev.fedcred.core.gcp;

import dev.fedcred.core.JsonTrees;
import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import dev.fedcred.core.Json;
import java.io.IOException;
import java.nio.file.Path;
import java.util.Optional;

/**
 * The ADC file fedcred writes: an {@code external_account} configuration whose
 * {@code credential_source} is a file holding the current ID token, so every Google library and
 * gcloud do the STS exchange (and impersonation) themselves whenever they need a token. The
 * top-level {@code "fedcred": {"target": NAME}} marks the file as fedcred's; Google's libraries
 * (Java, Python, Go, Node) read only the keys they know.
 */
public final class ExternalAccountAdc {
    public static final String MARKER = "fedcred";

    private ExternalAccountAdc() {
    }

    public static ObjectNode build(GcpWorkloadTarget target, Path subjectTokenFile) {
        ObjectNode root = Json.MAPPER.createObjectNode();
        root.put("type", "external_account");
        root.put("audience", target.audience());
        root.put("subject_token_type", WorkloadIdentityExchanger.JWT_TOKEN_TYPE);
        root.put("token_url", target.effectiveStsEndpoint().toString());
        if (target.serviceAccount() != null) {
            root.put("service_account_impersonation_url", target.impersonationUrl());
            root.putObject("service_account_impersonation").put("token_lifetime_seconds", target.tokenLifetime().toSeconds());
        }
        if (target.iamCredentialsEndpoint() != null) {
            // Node's library looks up the project behind the audience in Cloud Resource Manager; off
            // Google's own endpoints (the sandbox) that service lives beside IAM Credentials.
            root.put("cloud_resource_manager_url", withSlash(target.effectiveIamCredentialsEndpoint()) + "projects/");
        }
        ObjectNode source = root.putObject("credential_source");
        source.put("file", subjectTokenFile.toAbsolutePath().toString());
        source.putObject("format").put("type", "text");
        root.putObject(MARKER).put("target", target.name());
        return root;
    }

    private static String withSlash(java.net.URI base) {
        String text = base.toString();
        return text.endsWith("/") ? text : text + "/";
    }

    /** The target named by fedcred's marker, when the text is an ADC file fedcred wrote. */
    public static Optional<String> managedBy(String text) {
        try {
            JsonNode marker = JsonTrees.read(text).path(MARKER).path("target");
            return marker.isTextual() ? Optional.of(marker.asText()) : Optional.empty();
        } catch (IOException | RuntimeException e) {
            return Optional.empty();
        }
    }
}
