package dev.fedcred.core.settings;

import com.fasterxml.jackson.core.JsonLocation;
import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import dev.fedcred.core.Json;
import dev.fedcred.core.files.SecureFiles;
import dev.fedcred.core.oidc.IssuerConfig;
import dev.fedcred.core.oidc.IssuerKind;
import dev.fedcred.core.oidc.RedirectSpec;
import java.io.IOException;
import java.net.URI;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.NoSuchFileException;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.function.UnaryOperator;

/**
 * Reads and writes settings.json. A file that does not parse is reported with its path, line
 * and column and is never overwritten: every save first checks that what is on disk still
 * reads, so a hand edit gone wrong is never lost.
 */
public final class SettingsStore {
    private static final int FORMAT_VERSION = 1;

    private final Path file;

    public SettingsStore(Path file) {
        this.file = file;
    }

    public Path file() {
        return file;
    }

    public Settings load() {
        String text;
        try {
            text = Files.readString(file, StandardCharsets.UTF_8);
        } catch (NoSuchFileException e) {
            return Settings.empty();
        } catch (IOException e) {
            throw new SettingsFileException(file, "Cannot read the settings file " + file + ": " + e.getMessage(), e);
        }
        return text.isBlank() ? Settings.empty() : decode(parse(text));
    }

    /** Loads, applies the change and saves, refusing to touch a file that does not parse. */
    public synchronized Settings update(UnaryOperator<Settings> change) {
        Settings updated = change.apply(load());
        save(updated);
        return updated;
    }

    public synchronized void save(Settings settings) {
        load();
        byte[] bytes;
        try {
            bytes = Json.MAPPER.writeValueAsBytes(encode(settings));
        } catch (JsonProcessingException e) {
            throw new IllegalStateException("Settings did not serialize", e);
        }
        SecureFiles.writeAtomically(file, bytes);
    }

    private JsonNode parse(String text) {
        try {
            return Json.MAPPER.readTree(text);
        } catch (JsonProcessingException e) {
            JsonLocation at = e.getLocation();
            String where = at == null ? "" : " at line " + at.getLineNr() + ", column " + at.getColumnNr();
            throw new SettingsFileException(file, "The settings file " + file + " is not valid JSON" + where + ": "
                    + e.getOriginalMessage() + ". Fix or move the file; fedcred will not overwrite it.", e);
        }
    }

    private Settings decode(JsonNode root) {
        if (!root.isObject()) {
            throw invalid("the top level must be a JSON object");
        }
        List<IssuerConfig> issuers = new ArrayList<>();
        for (JsonNode node : root.path("issuers")) {
            issuers.add(decodeIssuer(node));
        }
        String defaultIssuer = root.path("default_issuer").isTextual() ? root.get("default_issuer").asText() : null;
        return new Settings(issuers, defaultIssuer);
    }

    private IssuerConfig decodeIssuer(JsonNode node) {
        String name = requiredText(node, "name");
        try {
            List<String> scopes = new ArrayList<>();
            node.path("scopes").forEach(scope -> scopes.add(scope.asText()));
            JsonNode redirect = node.path("redirect");
            RedirectSpec redirectSpec = redirect.isObject()
                    ? new RedirectSpec(redirect.path("port").asInt(0), redirect.path("path").asText("/"))
                    : RedirectSpec.ANY_FREE_PORT;
            IssuerKind kind = IssuerKind.valueOf(node.path("kind").asText("generic").toUpperCase(Locale.ROOT));
            return new IssuerConfig(name, kind, URI.create(requiredText(node, "issuer")),
                    requiredText(node, "client_id"), node.path("client_secret").asText(null), scopes, redirectSpec);
        } catch (IllegalArgumentException e) {
            throw invalid("issuer \"" + name + "\": " + e.getMessage());
        }
    }

    private String requiredText(JsonNode node, String field) {
        JsonNode value = node.get(field);
        if (value == null || !value.isTextual() || value.asText().isBlank()) {
            throw invalid("an issuer entry lacks \"" + field + "\"");
        }
        return value.asText();
    }

    private SettingsFileException invalid(String problem) {
        return new SettingsFileException(file, "The settings file " + file + " is not usable: " + problem
                + ". Fix or move the file; fedcred will not overwrite it.", null);
    }

    private static ObjectNode encode(Settings settings) {
        ObjectNode root = Json.MAPPER.createObjectNode();
        root.put("version", FORMAT_VERSION);
        if (settings.defaultIssuer() != null) {
            root.put("default_issuer", settings.defaultIssuer());
        }
        ArrayNode issuers = root.putArray("issuers");
        for (IssuerConfig issuer : settings.issuers()) {
            ObjectNode node = issuers.addObject();
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
        return root;
    }
}
