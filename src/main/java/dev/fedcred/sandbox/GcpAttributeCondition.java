package dev.fedcred.sandbox;

import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * A provider's attribute condition in the small subset of CEL the sandbox understands: one or
 * more tests joined by {@code &&}, each {@code NAME == 'literal'} or {@code NAME in ['a', 'b']},
 * where NAME is {@code assertion.CLAIM}, {@code attribute.NAME} or {@code google.subject}.
 * String literals take single or double quotes with CEL's backslash escapes for the quote,
 * backslash, newline, return and tab. Anything else is refused when the provider is configured, with the
 * subset named, rather than evaluated wrongly: real CEL is far larger, and a sandbox that guessed
 * would tell a user their condition works when Google would not.
 */
final class GcpAttributeCondition {

    static final String SUPPORTED = "the sandbox understands only tests joined by &&, each "
            + "assertion.CLAIM, attribute.NAME or google.subject compared with == 'text' or tested with in ['a', 'b']";
    private static final Pattern NAME = Pattern.compile("(assertion|attribute)\\.[A-Za-z_][A-Za-z0-9_]*|google\\.subject");

    private record Test(String name, List<String> values) {
    }

    private final String source;
    private final List<Test> tests;

    private GcpAttributeCondition(String source, List<Test> tests) {
        this.source = source;
        this.tests = tests;
    }

    /** @throws IllegalArgumentException for an expression outside the subset, naming where */
    static GcpAttributeCondition parse(String expression) {
        Objects.requireNonNull(expression, "expression");
        Reader reader = new Reader(expression);
        List<Test> tests = new ArrayList<>();
        do {
            tests.add(reader.test());
        } while (reader.consume("&&"));
        reader.end();
        return new GcpAttributeCondition(expression, List.copyOf(tests));
    }

    String source() {
        return source;
    }

    /**
     * Whether the token passes. A missing claim or attribute makes its test false, where real CEL
     * would raise an error; Google refuses the token either way.
     */
    boolean accepts(Map<String, Object> assertion, Map<String, String> attributes) {
        for (Test test : tests) {
            Object value = test.name().startsWith("assertion.")
                    ? assertion.get(test.name().substring("assertion.".length()))
                    : attributes.get(test.name());
            if (!(value instanceof String text) || !test.values().contains(text)) {
                return false;
            }
        }
        return true;
    }

    /** A left-to-right reader of the subset; each refusal says what it found and what it takes. */
    private static final class Reader {
        private final String text;
        private int at;

        Reader(String text) {
            this.text = text;
        }

        Test test() {
            skipSpaces();
            Matcher name = NAME.matcher(text).region(at, text.length());
            if (!name.lookingAt()) {
                throw refused("a name");
            }
            at = name.end();
            if (consume("==")) {
                return new Test(name.group(), List.of(literal()));
            }
            if (consumeWord("in")) {
                expect("[");
                List<String> values = new ArrayList<>();
                do {
                    values.add(literal());
                } while (consume(","));
                expect("]");
                return new Test(name.group(), List.copyOf(values));
            }
            throw refused("== or in");
        }

        String literal() {
            skipSpaces();
            if (at >= text.length() || (text.charAt(at) != '\'' && text.charAt(at) != '"')) {
                throw refused("a quoted string");
            }
            char quote = text.charAt(at++);
            StringBuilder value = new StringBuilder();
            while (at < text.length() && text.charAt(at) != quote) {
                char c = text.charAt(at++);
                if (c == '\\') {
                    if (at >= text.length()) {
                        break;
                    }
                    char escaped = text.charAt(at++);
                    switch (escaped) {
                        case '\\', '\'', '"' -> value.append(escaped);
                        case 'n' -> value.append('\n');
                        case 't' -> value.append('\t');
                        case 'r' -> value.append('\r');
                        default -> throw refused("one of the escapes \\\\ \\' \\\" \\n \\r \\t");
                    }
                } else {
                    value.append(c);
                }
            }
            if (at >= text.length()) {
                throw new IllegalArgumentException("the attribute condition has an unterminated string, which the sandbox"
                        + " (as CEL) cannot read: " + text);
            }
            at++;
            return value.toString();
        }

        boolean consume(String token) {
            skipSpaces();
            if (text.startsWith(token, at)) {
                at += token.length();
                return true;
            }
            return false;
        }

        boolean consumeWord(String word) {
            skipSpaces();
            int end = at + word.length();
            if (text.startsWith(word, at) && (end == text.length() || !Character.isLetterOrDigit(text.charAt(end)))) {
                at = end;
                return true;
            }
            return false;
        }

        void expect(String token) {
            if (!consume(token)) {
                throw refused(token);
            }
        }

        void end() {
            skipSpaces();
            if (at != text.length()) {
                throw refused("&& or the end");
            }
        }

        private void skipSpaces() {
            while (at < text.length() && Character.isWhitespace(text.charAt(at))) {
                at++;
            }
        }

        private IllegalArgumentException refused(String wanted) {
            return new IllegalArgumentException("the attribute condition is outside the CEL subset the sandbox "
                    + "emulates (expected " + wanted + " at character " + (at + 1) + " of: " + text + "); " + SUPPORTED);
        }
    }
}
