package dev.fedcred.core.renewal;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import dev.fedcred.core.Json;
import java.time.Instant;
import java.time.format.DateTimeParseException;
import java.util.Optional;

/**
 * What the state file beside the renewer lock says about the process that renews: which front end
 * ({@link RenewerSeat#AGENT} or {@link RenewerSeat#APP}), its process id, since when it holds the
 * seat, its last check, its last renewal and the next one due. Holds no token and no secret.
 *
 * @param lastRenewal null until it renewed something
 * @param nextRenewal null when nothing it can renew is known
 */
public record RenewerState(String role, long pid, Instant since, Instant lastCheck, Instant lastRenewal,
                           Instant nextRenewal) {

    public boolean isAgent() {
        return RenewerSeat.AGENT.equals(role);
    }

    RenewerState checked(Instant at, boolean renewedSomething, Instant next) {
        return new RenewerState(role, pid, since, at, renewedSomething ? at : lastRenewal, next);
    }

    byte[] toJson() {
        ObjectNode node = Json.MAPPER.createObjectNode();
        node.put("role", role);
        node.put("pid", pid);
        put(node, "since", since);
        put(node, "lastCheck", lastCheck);
        put(node, "lastRenewal", lastRenewal);
        put(node, "nextRenewal", nextRenewal);
        try {
            return Json.MAPPER.writeValueAsBytes(node);
        } catch (com.fasterxml.jackson.core.JsonProcessingException e) {
            throw new IllegalStateException("Writing the renewer state failed", e);
        }
    }

    /** The state in {@code json}, or empty when it is not one fedcred wrote (a reader never fails on it). */
    static Optional<RenewerState> fromJson(byte[] json) {
        try {
            JsonNode node = Json.MAPPER.readTree(json);
            if (node == null || !node.path("role").isTextual() || !node.path("pid").canConvertToLong()) {
                return Optional.empty();
            }
            return Optional.of(new RenewerState(node.get("role").asText(), node.get("pid").asLong(),
                    instant(node, "since"), instant(node, "lastCheck"), instant(node, "lastRenewal"),
                    instant(node, "nextRenewal")));
        } catch (java.io.IOException | DateTimeParseException e) {
            return Optional.empty();
        }
    }

    private static void put(ObjectNode node, String name, Instant value) {
        if (value != null) {
            node.put(name, value.toString());
        }
    }

    private static Instant instant(JsonNode node, String name) {
        JsonNode value = node.get(name);
        return value == null || !value.isTextual() ? null : Instant.parse(value.asText());
    }
}
