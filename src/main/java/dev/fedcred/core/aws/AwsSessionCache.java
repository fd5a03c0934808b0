package dev.fedcred.core.aws;

import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import dev.fedcred.core.FedcredException;
import dev.fedcred.core.Json;
import dev.fedcred.core.files.SecureFiles;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Instant;
import java.util.Iterator;
import java.util.LinkedHashMap;
import java.util.Map;
import java.util.Optional;

/**
 * The last credentials per AWS target, in a 0600 file in fedcred's private state directory, so
 * {@code credential-process} and {@code env} can answer without calling STS while they are
 * fresh. Like the token cache it holds nothing a new assume cannot restore, so an unreadable
 * file counts as empty.
 */
public final class AwsSessionCache {
    private final Path file;

    public AwsSessionCache(Path file) {
        this.file = file;
    }

    public synchronized Optional<AssumedRole> load(String targetName) {
        return Optional.ofNullable(readAll().get(targetName));
    }

    public synchronized void save(String targetName, AssumedRole role) {
        Map<String, AssumedRole> all = readAll();
        all.put(targetName, role);
        writeAll(all);
    }

    public synchronized boolean remove(String targetName) {
        Map<String, AssumedRole> all = readAll();
        boolean removed = all.remove(targetName) != null;
        if (removed) {
            writeAll(all);
        }
        return removed;
    }

    private Map<String, AssumedRole> readAll() {
        Map<String, AssumedRole> all = new LinkedHashMap<>();
        JsonNode root;
        try {
            root = Json.MAPPER.readTree(Files.readString(file));
        } catch (IOException e) {
            return all;
        }
        if (root == null) {
            return all;
        }
        for (Iterator<Map.Entry<String, JsonNode>> it = root.path("sessions").fields(); it.hasNext(); ) {
            Map.Entry<String, JsonNode> entry = it.next();
            JsonNode node = entry.getValue();
            try {
                all.put(entry.getKey(), new AssumedRole(text(node, "access_key_id"), text(node, "secret_access_key"),
                        text(node, "session_token"), Instant.parse(text(node, "expiration")), text(node, "assumed_role_arn"),
                        text(node, "assumed_role_id"), text(node, "subject"), text(node, "audience"), text(node, "provider")));
            } catch (RuntimeException skipped) {
                // a damaged entry is just not reused
            }
        }
        return all;
    }

    private static String text(JsonNode node, String field) {
        JsonNode value = node.get(field);
        if (value == null || !value.isTextual()) {
            throw new IllegalArgumentException("missing " + field);
        }
        return value.asText();
    }

    private void writeAll(Map<String, AssumedRole> all) {
        ObjectNode root = Json.MAPPER.createObjectNode();
        root.put("version", 1);
        ObjectNode sessions = root.putObject("sessions");
        all.forEach((target, role) -> {
            ObjectNode node = sessions.putObject(target);
            node.put("access_key_id", role.accessKeyId());
            node.put("secret_access_key", role.secretAccessKey());
            node.put("session_token", role.sessionToken());
            node.put("expiration", role.expiration().toString());
            node.put("assumed_role_arn", role.assumedRoleArn());
            node.put("assumed_role_id", role.assumedRoleId());
            node.put("subject", role.subject());
            node.put("audience", role.audience());
            node.put("provider", role.provider());
        });
        try {
            SecureFiles.writeAtomically(file, Json.MAPPER.writeValueAsBytes(root));
        } catch (JsonProcessingException e) {
            throw new FedcredException("Cannot encode the AWS session cache.", e);
        }
    }
}
