package dev.fedcred.sandbox;

import java.net.URLDecoder;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;

/**
 * Decoded {@code application/x-www-form-urlencoded} parameters, from a query string or a body.
 *
 * <p>Keeps every value so that repeated parameters can be rejected (RFC 6749 section 3.1: "Request
 * and response parameters MUST NOT be included more than once"), and treats an empty value as
 * absent (same section: "Parameters sent without a value MUST be treated as if they were omitted").
 */
final class Parameters {

    private final Map<String, List<String>> values;

    private Parameters(Map<String, List<String>> values) {
        this.values = values;
    }

    static Parameters parse(String encoded) {
        Map<String, List<String>> values = new LinkedHashMap<>();
        if (encoded != null && !encoded.isEmpty()) {
            for (String pair : encoded.split("&")) {
                if (pair.isEmpty()) {
                    continue;
                }
                int eq = pair.indexOf('=');
                String name = decode(eq < 0 ? pair : pair.substring(0, eq));
                String value = eq < 0 ? "" : decode(pair.substring(eq + 1));
                values.computeIfAbsent(name, k -> new ArrayList<>()).add(value);
            }
        }
        return new Parameters(values);
    }

    private static String decode(String s) {
        return URLDecoder.decode(s, StandardCharsets.UTF_8);
    }

    /** The value, or {@code null} when absent or empty. Call {@link #firstRepeated} first. */
    String get(String name) {
        List<String> list = values.get(name);
        if (list == null || list.isEmpty() || list.get(0).isEmpty()) {
            return null;
        }
        return list.get(0);
    }

    boolean isRepeated(String name) {
        List<String> list = values.get(name);
        return list != null && list.size() > 1;
    }

    /** The first parameter name that occurs more than once, if any. */
    Optional<String> firstRepeated() {
        return values.entrySet().stream().filter(e -> e.getValue().size() > 1).map(Map.Entry::getKey).findFirst();
    }
}
