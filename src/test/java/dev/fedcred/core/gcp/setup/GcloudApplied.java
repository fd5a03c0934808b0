package dev.fedcred.core.gcp.setup;

import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import dev.fedcred.core.Json;
import dev.fedcred.sandbox.GcpConfigFile;
import java.util.Arrays;
import java.util.List;

/**
 * What Google Cloud would hold after the generated gcloud calls ran, in the shapes gcloud describes
 * it, for the sandbox to apply: the provider as {@code providers describe --format=json} prints it,
 * each service account with its IAM policy. It reads the calls' flags as gcloud does (list flags
 * split at commas, or at the delimiter a leading ^D^ names), so a flag the generator got wrong
 * shows up as a sandbox that refuses.
 */
public final class GcloudApplied {
    private final ObjectNode config = Json.MAPPER.createObjectNode();

    public GcloudApplied(String projectNumber, List<List<String>> calls) {
        ArrayNode providers = config.putArray("providers");
        ArrayNode accounts = config.putArray("serviceAccounts");
        for (List<String> call : calls) {
            if (call.subList(0, Math.min(4, call.size())).equals(List.of("iam", "workload-identity-pools", "providers", "create-oidc"))) {
                providers.add(provider(projectNumber, call));
            } else if (call.subList(0, Math.min(3, call.size())).equals(List.of("iam", "service-accounts", "add-iam-policy-binding"))) {
                ObjectNode account = accounts.addObject();
                account.put("email", call.get(3));
                ObjectNode binding = account.putObject("policy").putArray("bindings").addObject();
                binding.put("role", ShellReading.flag(call, "--role"));
                binding.putArray("members").add(ShellReading.flag(call, "--member"));
            }
        }
    }

    private static ObjectNode provider(String projectNumber, List<String> call) {
        ObjectNode provider = Json.MAPPER.createObjectNode();
        provider.put("name", "projects/" + projectNumber + "/locations/" + ShellReading.flag(call, "--location")
                + "/workloadIdentityPools/" + ShellReading.flag(call, "--workload-identity-pool") + "/providers/" + call.get(4));
        provider.put("state", "ACTIVE");
        ObjectNode mapping = provider.putObject("attributeMapping");
        for (String pair : gcloudList(ShellReading.flag(call, "--attribute-mapping"))) {
            String[] keyValue = pair.split("=", 2);
            mapping.put(keyValue[0], keyValue[1]);
        }
        String condition = ShellReading.flag(call, "--attribute-condition");
        if (condition != null) {
            provider.put("attributeCondition", condition);
        }
        ObjectNode oidc = provider.putObject("oidc");
        oidc.put("issuerUri", ShellReading.flag(call, "--issuer-uri"));
        ArrayNode audiences = oidc.putArray("allowedAudiences");
        String allowed = ShellReading.flag(call, "--allowed-audiences");
        if (allowed != null) {
            gcloudList(allowed).forEach(audiences::add);
        }
        return provider;
    }

    /** gcloud's list syntax (`gcloud topic escaping`). */
    static List<String> gcloudList(String value) {
        if (value.startsWith("^") && value.indexOf('^', 1) > 1) {
            int end = value.indexOf('^', 1);
            return Arrays.asList(value.substring(end + 1).split(java.util.regex.Pattern.quote(value.substring(1, end)), -1));
        }
        return Arrays.asList(value.split(",", -1));
    }

    public ObjectNode json() {
        return config;
    }

    public GcpConfigFile.Contents contents() {
        return GcpConfigFile.parse(config);
    }
}
