package dev.fedcred.core;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.node.ObjectNode;
import org.junit.jupiter.api.Test;

/** The streaming writer gives the object mapper's very bytes, so files read the same whichever wrote them. */
class PrettyJsonTest {
    @Test
    void writesWhatTheObjectMapperWrites() throws Exception {
        ObjectNode root = Json.MAPPER.createObjectNode();
        root.put("version", 1);
        ObjectNode entry = root.putObject("sessions").putObject("sandbox-aws \"quoted\" \u00e9\u2028");
        entry.put("access_key_id", "ASIA\tEXAMPLE\\/\u0001");
        entry.put("expiration", "2026-12-02T06:21:29Z");
        entry.put("big", 12345678901234L);
        entry.put("ratio", 0.5);
        entry.put("yes", true);
        entry.putNull("nothing");
        entry.putArray("list").add("a").add(2).addObject();
        root.putObject("empty");

        assertThat(new String(PrettyJson.bytes(root), "UTF-8")).isEqualTo(new String(Json.MAPPER.writeValueAsBytes(root), "UTF-8"));
        assertThat(JsonTrees.read(new String(PrettyJson.bytes(root), "UTF-8"))).isEqualTo(root);
    }
}
