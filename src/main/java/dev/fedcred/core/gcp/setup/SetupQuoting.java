package dev.fedcred.core.gcp.setup;

import dev.fedcred.core.launch.ShellWords;
import java.util.List;

/**
 * Puts a value (often a claim, which the issuer's user may have chosen) into each language the
 * set-up is written in, so that it is read back as exactly that value and never as code: a shell
 * word, an item of a gcloud list flag, a CEL string, a Terraform string.
 */
final class SetupQuoting {
    /** gcloud's list flags split at commas unless the value starts with ^DELIMITER^ (`gcloud topic escaping`). */
    private static final String DELIMITERS = ",;|#~!@%+:";

    private SetupQuoting() {
    }

    /** One shell word, read back by any POSIX shell as {@code word}: $, backticks and quotes stay literal. */
    static String shell(String word) {
        return ShellWords.quoted(word);
    }

    /** The value of a gcloud list flag holding {@code items}, each read back whole whatever it contains. */
    static String gcloudList(List<String> items) {
        for (char delimiter : DELIMITERS.toCharArray()) {
            String d = String.valueOf(delimiter);
            if (items.stream().noneMatch(item -> item.contains(d))) {
                String joined = String.join(d, items);
                return delimiter == ',' && !joined.startsWith("^") ? joined : "^" + d + "^" + joined;
            }
        }
        throw new IllegalArgumentException("An audience holds every delimiter gcloud's list flags can use; list it by hand.");
    }

    /** A CEL string literal of {@code value}. */
    static String cel(String value) {
        StringBuilder out = new StringBuilder("'");
        for (char c : value.toCharArray()) {
            switch (c) {
                case '\\' -> out.append("\\\\");
                case '\'' -> out.append("\\'");
                case '\n' -> out.append("\\n");
                case '\r' -> out.append("\\r");
                case '\t' -> out.append("\\t");
                default -> out.append(c);
            }
        }
        return out.append('\'').toString();
    }

    /** A Terraform (HCL) quoted string of {@code value}: no interpolation or directive can start in it. */
    static String hcl(String value) {
        return "\"" + hclContent(value) + "\"";
    }

    /** What goes between a Terraform string's quotes for {@code value}. */
    static String hclContent(String value) {
        StringBuilder out = new StringBuilder();
        for (int i = 0; i < value.length(); i++) {
            char c = value.charAt(i);
            boolean opensTemplate = (c == '$' || c == '%') && i + 1 < value.length() && value.charAt(i + 1) == '{';
            switch (c) {
                case '\\' -> out.append("\\\\");
                case '"' -> out.append("\\\"");
                case '\n' -> out.append("\\n");
                case '\r' -> out.append("\\r");
                case '\t' -> out.append("\\t");
                default -> {
                    if (opensTemplate) {
                        out.append(c).append(c);
                    } else if (Character.isISOControl(c)) {
                        out.append(String.format("\\u%04x", (int) c));
                    } else {
                        out.append(c);
                    }
                }
            }
        }
        return out.toString();
    }
}
