package dev.fedcred.ui.claims;

import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.databind.ObjectWriter;
import com.fasterxml.jackson.databind.SerializationFeature;
import dev.fedcred.core.Json;
import dev.fedcred.ui.fx.TimeText;
import java.time.ZoneId;
import java.util.ArrayList;
import java.util.Collection;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.TreeSet;

/** Turns decoded JWT header and claims into rows a person can read. */
final class ClaimRows {
    /** The NumericDate claims of OIDC Core; epoch seconds alone mean nothing to a reader. */
    static final Set<String> TIME_CLAIMS = Set.of("iat", "exp", "auth_time", "nbf");

    /** Who issued it, to whom and for how long comes first; the rest alphabetically. */
    private static final List<String> CLAIMS_FIRST = List.of(
            "iss", "sub", "aud", "azp", "email", "email_verified", "name", "iat", "exp", "auth_time", "nbf", "nonce");
    private static final List<String> HEADER_FIRST = List.of("alg", "kid", "typ");

    // one line per value: a table cell is no place for pretty-printed JSON
    private static final ObjectWriter COMPACT_JSON = Json.MAPPER.writer().without(SerializationFeature.INDENT_OUTPUT);

    private ClaimRows() {
    }

    static List<ClaimRow> claims(Map<String, Object> claims, ZoneId zone) {
        List<ClaimRow> rows = new ArrayList<>();
        for (String name : ordered(claims.keySet(), CLAIMS_FIRST)) {
            rows.add(new ClaimRow(name, claimValue(name, claims.get(name), zone)));
        }
        return rows;
    }

    /** alg, kid and typ always show, as "—" when the issuer left one out. */
    static List<ClaimRow> header(Map<String, Object> header) {
        List<ClaimRow> rows = new ArrayList<>();
        for (String name : HEADER_FIRST) {
            rows.add(new ClaimRow(name, header.containsKey(name) ? text(header.get(name)) : "—"));
        }
        for (String name : new TreeSet<>(header.keySet())) {
            if (!HEADER_FIRST.contains(name)) {
                rows.add(new ClaimRow(name, text(header.get(name))));
            }
        }
        return rows;
    }

    static String claimValue(String name, Object value, ZoneId zone) {
        if (TIME_CLAIMS.contains(name) && value instanceof Number seconds) {
            return TimeText.epochSeconds(seconds.longValue(), zone);
        }
        return text(value);
    }

    static String text(Object value) {
        if (value instanceof Map<?, ?> || value instanceof Collection<?>) {
            try {
                return COMPACT_JSON.writeValueAsString(value);
            } catch (JsonProcessingException e) {
                return String.valueOf(value);
            }
        }
        return String.valueOf(value);
    }

    private static List<String> ordered(Set<String> names, List<String> first) {
        List<String> ordered = new ArrayList<>();
        for (String name : first) {
            if (names.contains(name)) {
                ordered.add(name);
            }
        }
        for (String name : new TreeSet<>(names)) {
            if (!first.contains(name)) {
                ordered.add(name);
            }
        }
        return ordered;
    }
}
