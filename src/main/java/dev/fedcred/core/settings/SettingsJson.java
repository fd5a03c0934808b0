package dev.fedcred.core.settings;

import com.fasterxml.jackson.core.JsonPointer;
import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.JsonNodeFactory;
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
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Locale;

/**
 * The settings file's JSON shape. Decoding throws {@link SettingsProblem} naming the entry at
 * fault and pointing at the value; {@link SettingsStore} adds the file's path, line and column.
 */
final class SettingsJson {
    private static final int FORMAT_VERSION = 1;

    private SettingsJson() {
    }

    static Settings decode(JsonNode root) {
        return read(root).settings();
    }

    /** The settings and the keys fedcred does not know, which a save puts back. */
    record Read(Settings settings, UnknownKeys unknown) {
    }

    static Read read(JsonNode root) {
        SettingsObject top = new SettingsObject(root, JsonPointer.empty(), "the top level");
        top.optionalWholeNumber("version", FORMAT_VERSION);
        UnknownKeys unknown = new UnknownKeys();
        List<IssuerConfig> issuers = new ArrayList<>();
        for (SettingsObject node : top.objects("issuers", "an issuer")) {
            IssuerConfig issuer = decodeIssuer(node);
            issuers.add(issuer);
            unknown.issuers.put(issuer.name(), node.unknownFields());
        }
        List<Target> targets = new ArrayList<>();
        for (SettingsObject node : top.objects("targets", "a target")) {
            Target target = decodeTarget(node);
            targets.add(target);
            unknown.targets.put(target.name(), node.unknownFields());
        }
        // a cosmetic choice never makes the whole file unusable: an unknown word means the default
        Appearance appearance = Appearance.fromWord(top.optionalText("appearance")).orElse(Appearance.SYSTEM);
        Settings settings = new Settings(issuers, targets, top.optionalText("default_issuer"),
                top.optionalBoolean("keychain", false), appearance);
        unknown.top.setAll(top.unknownFields());
        return new Read(settings, unknown);
    }

    /**
     * Keys in the file that fedcred does not know (a note, a typo, a newer version's setting), kept
     * on save: at the top level, and in each issuer and target by its name.
     */
    static final class UnknownKeys {
        private final ObjectNode top = JsonNodeFactory.instance.objectNode();
        private final Map<String, ObjectNode> issuers = new HashMap<>();
        private final Map<String, ObjectNode> targets = new HashMap<>();

        static UnknownKeys none() {
            return new UnknownKeys();
        }

        /** Adds the kept keys to freshly encoded settings, never over a key fedcred wrote. */
        void addTo(ObjectNode root) {
            putMissing(root, top);
            root.path("issuers").forEach(node -> putMissing((ObjectNode) node, issuers.get(node.path("name").asText())));
            root.path("targets").forEach(node -> putMissing((ObjectNode) node, targets.get(node.path("name").asText())));
        }

        private static void putMissing(ObjectNode into, ObjectNode kept) {
            if (kept != null) {
                kept.fields().forEachRemaining(entry -> into.putIfAbsent(entry.getKey(), entry.getValue()));
            }
        }
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

    private static IssuerConfig decodeIssuer(SettingsObject node) {
        String name = node.requiredText("name", "an issuer");
        try {
            List<String> scopes = node.textList("scopes");
            RedirectSpec redirectSpec = node.optionalObject("redirect", "\"redirect\"")
                    .map(redirect -> redirect(redirect)).orElse(RedirectSpec.ANY_FREE_PORT);
            IssuerKind kind = Optional.ofNullable(node.optional("kind",
                    word -> IssuerKind.valueOf(word.toUpperCase(Locale.ROOT)))).orElse(IssuerKind.GENERIC);
            URI issuer = node.required("issuer", "issuer " + name, URI::create);
            return new IssuerConfig(name, kind, issuer, node.requiredText("client_id", "issuer " + name),
                    node.optionalText("client_secret"), scopes, redirectSpec);
        } catch (SettingsProblem e) {
            throw e.within("issuer \"" + name + "\"");
        } catch (IllegalArgumentException e) {
            throw new SettingsProblem("issuer \"" + name + "\": " + e.getMessage(), node.at());
        }
    }

    private static RedirectSpec redirect(SettingsObject redirect) {
        long port = redirect.optionalWholeNumber("port", 0);
        String path = redirect.optionalText("path");
        try {
            return new RedirectSpec((int) Math.max(Integer.MIN_VALUE, Math.min(Integer.MAX_VALUE, port)),
                    path == null ? "/" : path);
        } catch (IllegalArgumentException e) {
            throw new SettingsProblem(e.getMessage(), redirect.at());
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

    private static Target decodeTarget(SettingsObject node) {
        String name = node.requiredText("name", "a target");
        String kind = node.optionalText("kind");
        String entry = "target " + name;
        try {
            if ("aws".equals(kind)) {
                return new AwsRoleTarget(name, node.requiredText("role_arn", entry), node.requiredText("profile", entry),
                        node.optionalText("region"), Duration.ofSeconds(node.optionalWholeNumber("duration_seconds",
                                AwsRoleTarget.DEFAULT_DURATION.toSeconds())),
                        node.optionalText("role_session_name"), node.optionalText("issuer"),
                        node.optional("sts_endpoint", URI::create));
            }
            if ("gcp".equals(kind)) {
                return decodeGcp(name, node);
            }
        } catch (SettingsProblem e) {
            throw e.within("target \"" + name + "\"");
        } catch (IllegalArgumentException e) {
            throw new SettingsProblem("target \"" + name + "\": " + e.getMessage(), node.at());
        }
        throw new SettingsProblem("target \"" + name + "\" has an unknown kind \"" + (kind == null ? "" : kind)
                + "\" (expected \"aws\" or \"gcp\")", node.at().appendProperty("kind"));
    }

    private static GcpWorkloadTarget decodeGcp(String name, SettingsObject node) {
        String entry = "target " + name;
        return new GcpWorkloadTarget(name, node.requiredText("project_number", entry), node.requiredText("pool", entry),
                node.requiredText("provider", entry), node.optionalText("service_account"), node.textList("scopes"),
                Duration.ofSeconds(node.optionalWholeNumber("lifetime_seconds",
                        GcpWorkloadTarget.DEFAULT_LIFETIME.toSeconds())),
                node.optional("adc_file", Path::of), node.optionalText("issuer"), node.optional("sts_endpoint", URI::create),
                node.optional("iamcredentials_endpoint", URI::create), node.optional("trusted_ca_file", Path::of));
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
}
