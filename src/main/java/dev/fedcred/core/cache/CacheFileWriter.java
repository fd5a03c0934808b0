package dev.fedcred.core.cache;

import com.fasterxml.jackson.databind.node.JsonNodeFactory;
import com.fasterxml.jackson.databind.node.ObjectNode;
import dev.fedcred.core.PrettyJson;
import java.util.Map;

/**
 * A credential cache file's bytes, as Jackson's pretty printer writes them. Apart from
 * {@link CredentialCache}, which only reads on the cached {@code credential-process} path: a class
 * that names Jackson's types loads them when it is loaded, archive or not.
 */
final class CacheFileWriter {
    private CacheFileWriter() {
    }

    /** {@code {"version": 1, "sessions": {target: {field: value}}}} */
    static byte[] bytes(Map<String, CacheEntry> entries) {
        ObjectNode root = JsonNodeFactory.instance.objectNode();
        root.put("version", 1);
        ObjectNode sessions = root.putObject("sessions");
        for (Map.Entry<String, CacheEntry> entry : entries.entrySet()) {
            ObjectNode fields = sessions.putObject(entry.getKey());
            for (Map.Entry<String, Object> field : entry.getValue().fields().entrySet()) {
                if (field.getValue() instanceof String) {
                    fields.put(field.getKey(), (String) field.getValue());
                } else {
                    fields.putNull(field.getKey());
                }
            }
        }
        return PrettyJson.bytes(root);
    }
}
