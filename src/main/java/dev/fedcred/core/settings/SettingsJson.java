package dev.fedcred.core.settings;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import dev.fedcred.core.Json;
import dev.fedcred.core.oidc.IssuerConfig;
import dev.fedcred.core.oidc.IssuerKind;
import dev.fedcred.core.oidc.RedirectSpec;
import dev.fedcred.core.targets.AwsRoleTarget;
import dev.fedcred.core.targets.GcpWorkloadTarget;
import dev.fedcred.core.targets.Target;
import java.net.URI;
import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;

/**
 * The settings file's JSON shape. Decoding throws IllegalArgumentException naming the entry
 * at fault; {@link SettingsStore} adds the file's path.
 */
final class SettingsJson {
    private static final int FORMAT_VERSION = 1;

    private SettingsJson() {
    }

    static Settings decode(JsonNode root) {
        if (!root.isObject()) {
            throw new IllegalArgumentException("the top level must be a JSON object");
        }
        List<IssuerConfig> issuers = new ArrayList<>();
        root.path("issuers").forEach(node -> issuers.add(decodeIssuer(node)));
        List<Target> targets = new ArrayList<>();
        root.path("targets").forEach(node -> targets.add(decodeTarget(node)));
        // a cosmetic choice never makes the whole file unusable: an unknown word means the default
        Appearance appearance = Appearance.fromWord(optionalText(root, "appearance")).orElse(Appearance.SYSTEM);
        return new Settings(issuers, targets, optionalText(root, "default_issuer"), root.path("keychain").asBoolean(false),
                appearance);
    }

    static ObjectNode encode(Settings settings) {
        ObjectNode root = Json.MAPPER.createObjectNode();
        root.put("version", FORMAT_VERSION);
        if (settings.defaultIssuer() != null) {
            root.put("default_issuer", settings.defaultIssuer());
        }
        if (settings.keychain()) {
            root.put("keychain", true);
        }
        if (settings.appearance() != Appearance.SYSTEM) {
            root.put("appearance", settings.appearance().word());
        }
        ArrayNode issuers = root.putArray("issuers");
        settings.issuers().forEach(issuer -> encodeIssuer(issuer, issuers.addObject()));
        ArrayNode targets = root.putArray("targets");
        settings.targets().forEach(target -> encodeTarget(target, targets.addObject()));
        return root;
    }

    private static IssuerConfig decodeIssuer(JsonNode node) {
        String name = requiredText(node, "name", "an issuer");
        try {
            List<String> scopes = new ArrayList<>();
            node.path("scopes").forEach(scope -> scopes.add(scope.asText()));
            JsonNode redirect = node.path("redirect");
            RedirectSpec redirectSpec = redirect.isObject()
                    ? new RedirectSpec(redirect.path("port").asInt(0), redirect.path("path").asText("/"))
                    : RedirectSpec.ANY_FREE_PORT;
            IssuerKind kind = IssuerKind.valueOf(node.path("kind").asText("generic").toUpperCase(Locale.ROOT));
            return new IssuerConfig(name, kind, URI.create(requiredText(node, "issuer", "issuer " + name)),
                    requiredText(node, "client_id", "issuer " + name), optionalText(node, "client_secret"),
                    scopes, redirectSpec);
        } catch (IllegalArgumentException e) {
            throw new IllegalArgumentException("issuer \"" + name + "\": " + e.getMessage(), e);
        }
    }

    private static void encodeIssuer(IssuerConfig issuer, ObjectNode node) {
        node.put("name", issuer.name());
        node.put("kind", issuer.kind().name().toLowerCase(Locale.ROOT));
        node.put("issuer", issuer.issuer().toString());
        node.put("client_id", issuer.clientId());
        if (issuer.clientSecret() != null) {
            node.put("client_secret", issuer.clientSecret());
        }
        ArrayNode scopes = node.putArray("scopes");
        issuer.scopes().forEach(scopes::add);
        ObjectNode redirect = node.putObject("redirect");
        redirect.put("port", issuer.redirect().port());
        redirect.put("path", issuer.redirect().path());
    }

    private static Target decodeTarget(JsonNode node) {
        String name = requiredText(node, "name", "a target");
        String kind = node.path("kind").asText("");
        try {
            if ("aws".equals(kind)) {
                return new AwsRoleTarget(name, requiredText(node, "role_arn", "target " + name),
                        requiredText(node, "profile", "target " + name), optionalText(node, "region"),
                        Duration.ofSeconds(node.path("duration_seconds").asLong(AwsRoleTarget.DEFAULT_DURATION.toSeconds())),
                        optionalText(node, "role_session_name"), optionalText(node, "issuer"),
                        optionalUri(node, "sts_endpoint"));
            }
            if ("gcp".equals(kind)) {
                return decodeGcp(name, node);
            }
        } catch (IllegalArgumentException e) {
            throw new IllegalArgumentException("target \"" + name + "\": " + e.getMessage(), e);
        }
        throw new IllegalArgumentException("target \"" + name + "\" has an unknown kind \"" + kind + "\" (expected \"aws\" or \"gcp\")");
    }

    private static GcpWorkloadTarget decodeGcp(String name, JsonNode node) {
        String entry = "target " + name;
        List<String> scopes = new ArrayList<>();
        node.path("scopes").forEach(scope -> scopes.add(scope.asText()));
        return new GcpWorkloadTarget(name, requiredText(node, "project_number", entry), requiredText(node, "pool", entry),
                requiredText(node, "provider", entry), optionalText(node, "service_account"), scopes,
                Duration.ofSeconds(node.path("lifetime_seconds").asLong(GcpWorkloadTarget.DEFAULT_LIFETIME.toSeconds())),
                optionalPath(node, "adc_file"), optionalText(node, "issuer"), optionalUri(node, "sts_endpoint"),
                optionalUri(node, "iamcredentials_endpoint"), optionalPath(node, "trusted_ca_file"));
    }

    private static void encodeGcp(GcpWorkloadTarget gcp, ObjectNode node) {
        node.put("kind", "gcp");
        node.put("project_number", gcp.projectNumber());
        node.put("pool", gcp.poolId());
        node.put("provider", gcp.providerId());
        putIfSet(node, "service_account", gcp.serviceAccount());
        ArrayNode scopes = node.putArray("scopes");
        gcp.scopes().forEach(scopes::add);
        node.put("lifetime_seconds", gcp.tokenLifetime().toSeconds());
        putIfSet(node, "adc_file", gcp.adcFile());
        putIfSet(node, "sts_endpoint", gcp.stsEndpoint());
        putIfSet(node, "iamcredentials_endpoint", gcp.iamCredentialsEndpoint());
        putIfSet(node, "trusted_ca_file", gcp.trustedCaFile());
    }

    private static void encodeTarget(Target target, ObjectNode node) {
        node.put("name", target.name());
        if (target instanceof AwsRoleTarget aws) {
            node.put("kind", "aws");
            node.put("role_arn", aws.roleArn());
            node.put("profile", aws.profile());
            putIfSet(node, "region", aws.region());
            node.put("duration_seconds", aws.sessionDuration().toSeconds());
            putIfSet(node, "role_session_name", aws.roleSessionName());
            putIfSet(node, "sts_endpoint", aws.stsEndpoint());
        } else if (target instanceof GcpWorkloadTarget gcp) {
            encodeGcp(gcp, node);
        }
        putIfSet(node, "issuer", target.issuer());
    }

    private static void putIfSet(ObjectNode node, String field, String value) {
        if (value != null) {
            node.put(field, value);
        }
    }

    private static void putIfSet(ObjectNode node, String field, Object value) {
        putIfSet(node, field, value == null ? null : value.toString());
    }

    private static URI optionalUri(JsonNode node, String field) {
        String value = optionalText(node, field);
        return value == null ? null : URI.create(value);
    }

    private static Path optionalPath(JsonNode node, String field) {
        String value = optionalText(node, field);
        return value == null ? null : Path.of(value);
    }

    private static String requiredText(JsonNode node, String field, String entry) {
        JsonNode value = node.get(field);
        if (value == null || !value.isTextual() || value.asText().isBlank()) {
            throw new IllegalArgumentException(entry + " lacks \"" + field + "\"");
        }
        return value.asText();
    }

    private static String optionalText(JsonNode node, String field) {
        JsonNode value = node.get(field);
        return value != null && value.isTextual() && !value.asText().isBlank() ? value.asText() : null;
    }
}
