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
 * {@code credential_source} is a command that prints the current ID token ({@link AdcSource}), or a
 * file holding it, so every Google library and gcloud do the STS exchange (and impersonation)
 * themselves whenever they need a token. The
 * top-level {@code "fedcred": {"target": NAME}} marks the file as fedcred's; Google's libraries
 * (Java, Python, Go, Node) read only the keys they know.
 */
public final class ExternalAccountAdc {
    public static final String MARKER = "fedcred";

    private ExternalAccountAdc() {
    }

    /**
     * How long Google's libraries wait for {@code fedcred gcp subject-token}: a cold JVM, and a renewal
     * within fedcred's own 12-second network deadline. The libraries accept 5 to 120 seconds.
     */
    public static final int EXECUTABLE_TIMEOUT_MILLIS = 30_000;

    /** The file source: the libraries read the ID token from {@code subjectTokenFile}. */
    public static ObjectNode build(GcpWorkloadTarget target, Path subjectTokenFile) {
        ObjectNode root = common(target);
        ObjectNode source = root.putObject("credential_source");
        source.put("file", subjectTokenFile.toAbsolutePath().toString());
        source.putObject("format").put("type", "text");
        return marked(root, target);
    }

    /**
     * The executable source: the libraries run {@code command} (split at spaces, no quoting) for the
     * ID token, reusing the response it leaves in {@code outputFile} until the time it gives.
     */
    public static ObjectNode buildExecutable(GcpWorkloadTarget target, String command, Path outputFile) {
        ObjectNode root = common(target);
        ObjectNode executable = root.putObject("credential_source").putObject("executable");
        executable.put("command", command);
        executable.put("timeout_millis", EXECUTABLE_TIMEOUT_MILLIS);
        executable.put("output_file", outputFile.toAbsolutePath().toString());
        return marked(root, target);
    }

    private static ObjectNode common(GcpWorkloadTarget target) {
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
        return root;
    }

    private static ObjectNode marked(ObjectNode root, GcpWorkloadTarget target) {
        root.putObject(MARKER).put("target", target.name());
        return root;
    }

    /** The credential source of an ADC file fedcred wrote; empty for another file or another source. */
    public static Optional<AdcSource> sourceOf(String text) {
        try {
            JsonNode root = JsonTrees.read(text);
            if (!root.path(MARKER).path("target").isTextual()) {
                return Optional.empty();
            }
            JsonNode source = root.path("credential_source");
            return source.has("executable") ? Optional.of(AdcSource.EXECUTABLE)
                    : source.has("file") ? Optional.of(AdcSource.FILE) : Optional.empty();
        } catch (IOException | RuntimeException e) {
            return Optional.empty();
        }
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
