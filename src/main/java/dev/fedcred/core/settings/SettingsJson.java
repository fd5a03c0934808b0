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
import dev.fedcred.core.targets.Target;
import dev.fedcred.core.targets.TargetEntry;
import dev.fedcred.core.targets.TargetKind;
import dev.fedcred.core.targets.TargetKinds;
import java.net.URI;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Locale;
import java.util.function.Function;
import java.util.stream.Collectors;

/**
 * The settings file's JSON shape. Decoding throws {@link SettingsProblem} naming the entry at
 * fault and pointing at the value; {@link SettingsStore} adds the file's path, line and column.
 */
final class SettingsJson {
    private static final int FORMAT_VERSION = 1;

    private SettingsJson() {
    }

    static Settings decode(JsonNode root, TargetKinds kinds) {
        return read(root, kinds).settings();
    }

    /** The settings and the keys fedcred does not know, which a save puts back. */
    record Read(Settings settings, UnknownKeys unknown) {
    }

    static Read read(JsonNode root, TargetKinds kinds) {
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
            Target target = decodeTarget(node, kinds);
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

    static ObjectNode encode(Settings settings, TargetKinds kinds) {
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
        settings.targets().forEach(target -> encodeTarget(target, targets.addObject(), kinds));
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

    private static Target decodeTarget(SettingsObject node, TargetKinds kinds) {
        String name = node.requiredText("name", "a target");
        String kindId = node.optionalText("kind");
        TargetKind<?> kind = kinds.byId(kindId == null ? "" : kindId).orElseThrow(() -> new SettingsProblem(
                "target \"" + name + "\" has an unknown kind \"" + (kindId == null ? "" : kindId) + "\" (expected "
                        + kinds.all().stream().map(k -> "\"" + k.id() + "\"").collect(Collectors.joining(" or ")) + ")",
                node.at().appendProperty("kind")));
        try {
            return kind.read(new Entry(name, node));
        } catch (SettingsProblem e) {
            throw e.within("target \"" + name + "\"");
        } catch (IllegalArgumentException e) {
            throw new SettingsProblem("target \"" + name + "\": " + e.getMessage(), node.at());
        }
    }

    private static void encodeTarget(Target target, ObjectNode node, TargetKinds kinds) {
        TargetKinds.Bound<?> kind = kinds.of(target);
        node.put("name", target.name());
        node.put("kind", kind.id());
        kind.write(node);
        putIfSet(node, "issuer", target.issuer());
    }

    /** A target's entry as its kind reads it: every read typed, a wrong value pointed at. */
    private record Entry(String name, SettingsObject node) implements TargetEntry {
        @Override
        public String optionalText(String key) {
            return node.optionalText(key);
        }

        @Override
        public String requiredText(String key) {
            return node.requiredText(key, "target " + name);
        }

        @Override
        public <T> T optional(String key, Function<String, T> parse) {
            return node.optional(key, parse);
        }

        @Override
        public long optionalWholeNumber(String key, long absent) {
            return node.optionalWholeNumber(key, absent);
        }

        @Override
        public List<String> textList(String key) {
            return node.textList(key);
        }
    }

    private static void putIfSet(ObjectNode node, String field, String value) {
        if (value != null) {
            node.put(field, value);
        }
    }
}
