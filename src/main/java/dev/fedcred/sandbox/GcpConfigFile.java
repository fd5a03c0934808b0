package dev.fedcred.sandbox;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * The GCP emulator's providers and service accounts from a JSON file in the shapes gcloud prints,
 * so what a user set up (or fedcred generated) can be applied to the sandbox as it is:
 * <pre>
 * {"providers": [ output of `gcloud iam workload-identity-pools providers describe --format=json` ],
 *  "serviceAccounts": [ {"email": "SA", "policy": output of
 *                        `gcloud iam service-accounts get-iam-policy SA --format=json`} ]}
 * </pre>
 * A provider whose {@code state} is not ACTIVE is left out, as STS does not know it. Only
 * {@code roles/iam.workloadIdentityUser} bindings count.
 */
public final class GcpConfigFile {

    private static final Pattern PROVIDER_NAME = Pattern.compile(
            "projects/([0-9]+)/locations/global/workloadIdentityPools/([^/]+)/providers/([^/]+)");
    private static final String WORKLOAD_IDENTITY_USER = "roles/iam.workloadIdentityUser";

    /** What the file holds; either list may be empty (the emulator then keeps its default). */
    public record Contents(List<GcpProvider> providers, List<GcpServiceAccount> serviceAccounts) {
    }

    /** gcloud's JSON for a few providers and accounts is a few KiB; far more is the wrong file. */
    static final long MAX_FILE_BYTES = 1024 * 1024;

    private GcpConfigFile() {
    }

    /** @throws IllegalArgumentException naming the file and what in it is wrong */
    public static Contents read(Path file) throws IOException {
        if (Files.size(file) > MAX_FILE_BYTES) {
            throw new IllegalArgumentException(file + " is larger than " + MAX_FILE_BYTES / 1024 + " KiB: not a"
                    + " provider and service-account configuration");
        }
        JsonNode root;
        try {
            root = new ObjectMapper().readTree(Files.readAllBytes(file));
        } catch (com.fasterxml.jackson.core.JsonProcessingException e) {
            throw new IllegalArgumentException(file + " is not JSON: " + e.getOriginalMessage());
        }
        try {
            return parse(root);
        } catch (IllegalArgumentException e) {
            throw new IllegalArgumentException(file + ": " + e.getMessage(), e);
        }
    }

    public static Contents parse(JsonNode root) {
        if (root == null || !root.isObject()) {
            throw new IllegalArgumentException("expected an object with \"providers\" and \"serviceAccounts\"");
        }
        List<GcpProvider> providers = new ArrayList<>();
        for (JsonNode provider : root.path("providers")) {
            if (provider.path("state").asText("ACTIVE").equals("ACTIVE")) {
                providers.add(provider(provider));
            }
        }
        List<GcpServiceAccount> accounts = new ArrayList<>();
        for (JsonNode account : root.path("serviceAccounts")) {
            accounts.add(serviceAccount(account));
        }
        return new Contents(List.copyOf(providers), List.copyOf(accounts));
    }

    private static GcpProvider provider(JsonNode provider) {
        String name = provider.path("name").asText("");
        Matcher parts = PROVIDER_NAME.matcher(name);
        if (!parts.matches()) {
            throw new IllegalArgumentException("a provider's \"name\" is projects/NUMBER/locations/global/"
                    + "workloadIdentityPools/POOL/providers/PROVIDER, was \"" + name + "\"");
        }
        JsonNode oidc = provider.path("oidc");
        if (!oidc.path("issuerUri").isTextual()) {
            throw new IllegalArgumentException("the provider " + name + " has no oidc.issuerUri; the sandbox emulates OIDC providers");
        }
        List<String> audiences = new ArrayList<>();
        oidc.path("allowedAudiences").forEach(audience -> audiences.add(audience.asText()));
        Map<String, String> mapping = new LinkedHashMap<>();
        provider.path("attributeMapping").fields().forEachRemaining(e -> mapping.put(e.getKey(), e.getValue().asText()));
        String condition = provider.path("attributeCondition").isTextual() ? provider.get("attributeCondition").asText() : null;
        return new GcpProvider(parts.group(1), parts.group(2), parts.group(3), oidc.get("issuerUri").asText(),
                audiences, mapping.isEmpty() ? GcpProvider.SUBJECT_ONLY : mapping, condition);
    }

    private static GcpServiceAccount serviceAccount(JsonNode account) {
        List<String> members = new ArrayList<>();
        for (JsonNode binding : account.path("policy").path("bindings")) {
            if (WORKLOAD_IDENTITY_USER.equals(binding.path("role").asText())) {
                binding.path("members").forEach(member -> members.add(member.asText()));
            }
        }
        return new GcpServiceAccount(account.path("email").asText(""), members);
    }
}
