package dev.fedcred.core;

import dev.fedcred.core.text.OutsideText;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;

/**
 * Reads JSON into plain Java values, without Jackson: an object is a {@code Map<String, Object>} in
 * file order, an array a {@code List<Object>}, a string a {@code String}, a number its {@link Literal},
 * {@code true} and {@code false} a {@code Boolean}, and {@code null} {@link #NULL}.
 *
 * <p>It serves the cached {@code credential-process}, which the AWS CLI runs before every call:
 * there, setting up Jackson's parser (its feature tables, buffer pools and symbol tables) was a
 * third of the time above a bare JVM start (docs/performance.md, "The cached credential-process").
 * It is at least as strict as {@link JsonTrees} (Jackson with duplicate keys refused), so nothing it
 * accepts is refused there: RFC 8259 only, no comments, no duplicate keys, no raw control characters
 * in strings, no leading zeros; at most {@link #MAX_DEPTH} levels and numbers of at most
 * {@link #MAX_NUMBER_LENGTH} characters. Like {@link JsonTrees#read}, it reads the first value and
 * ignores what follows it.
 */
public final class PlainJson {
    /** JSON's {@code null}. */
    public static final Object NULL = new Object() {
        @Override
        public String toString() {
            return "null";
        }
    };
    static final int MAX_DEPTH = 200;
    static final int MAX_NUMBER_LENGTH = 500;
    private static final String WORD_ENDS = " \t\r\n,]}";

    private final String text;
    private int at;

    private PlainJson(String text) {
        this.text = text;
    }

    /** A number as written, for its reader to convert as it needs. */
    public static final class Literal {
        private final String text;

        Literal(String text) {
            this.text = text;
        }

        /** No fraction and no exponent. */
        public boolean isIntegral() {
            for (int i = 0; i < text.length(); i++) {
                char c = text.charAt(i);
                if (c == '.' || c == 'e' || c == 'E') {
                    return false;
                }
            }
            return true;
        }

        @Override
        public String toString() {
            return text;
        }
    }

    /** JSON that does not parse, with the line and column where reading stopped. */
    public static final class MalformedException extends Exception {
        private static final long serialVersionUID = 1L;

        MalformedException(String message) {
            super(message);
        }
    }

    /**
     * The first value of {@code text}, or null when the text holds none (empty or only whitespace).
     *
     * @throws MalformedException when the first value does not parse
     */
    public static Object read(String text) throws MalformedException {
        PlainJson json = new PlainJson(text);
        json.skipWhitespace();
        return json.at == text.length() ? null : json.value(0);
    }

    /** The object of {@code value}, or null when it is not one. */
    @SuppressWarnings("unchecked")
    public static Map<String, Object> asObject(Object value) {
        return value instanceof Map ? (Map<String, Object>) value : null;
    }

    /** Appends {@code value} to {@code json} as a JSON string: quoted, with {@code "}, {@code \} and control characters escaped. */
    public static StringBuilder appendString(StringBuilder json, String value) {
        json.append('"');
        for (int i = 0; i < value.length(); i++) {
            char c = value.charAt(i);
            if (c == '"' || c == '\\') {
                json.append('\\').append(c);
            } else if (c < 0x20 || c == 0x7f) {
                json.append("\\u00").append(Character.forDigit(c >> 4, 16)).append(Character.forDigit(c & 0xf, 16));
            } else {
                json.append(c);
            }
        }
        return json.append('"');
    }

    private Object value(int depth) throws MalformedException {
        if (depth >= MAX_DEPTH) {
            throw malformed("more than " + MAX_DEPTH + " levels of nesting");
        }
        char c = peek();
        switch (c) {
            case '{':
                return object(depth + 1);
            case '[':
                return array(depth + 1);
            case '"':
                return string();
            case 't':
                return word("true", Boolean.TRUE);
            case 'f':
                return word("false", Boolean.FALSE);
            case 'n':
                return word("null", NULL);
            default:
                if (c == '-' || isDigit(c)) {
                    return number(depth == 0);
                }
                throw unexpected();
        }
    }

    private Map<String, Object> object(int depth) throws MalformedException {
        Map<String, Object> object = new LinkedHashMap<>();
        at++;
        skipWhitespace();
        if (take('}')) {
            return object;
        }
        do {
            skipWhitespace();
            if (peek() != '"') {
                throw malformed("expected a field name in double quotes");
            }
            int nameAt = at;
            String name = string();
            skipWhitespace();
            expect(':');
            skipWhitespace();
            if (object.containsKey(name)) {
                at = nameAt;
                throw malformed("duplicate field " + OutsideText.shown(name));
            }
            object.put(name, value(depth));
            skipWhitespace();
        } while (take(','));
        expect('}');
        return object;
    }

    private List<Object> array(int depth) throws MalformedException {
        List<Object> array = new ArrayList<>();
        at++;
        skipWhitespace();
        if (take(']')) {
            return array;
        }
        do {
            skipWhitespace();
            array.add(value(depth));
            skipWhitespace();
        } while (take(','));
        expect(']');
        return array;
    }

    private String string() throws MalformedException {
        at++;
        StringBuilder value = null;
        int from = at;
        while (true) {
            char c = peek();
            if (c == '"') {
                String tail = text.substring(from, at++);
                return value == null ? tail : value.append(tail).toString();
            }
            if (c < 0x20) {
                throw malformed(at == text.length() ? "a string is not closed" : "a control character in a string");
            }
            if (c == '\\') {
                value = (value == null ? new StringBuilder() : value).append(text, from, at);
                value.append(escaped());
                from = at;
            } else {
                at++;
            }
        }
    }

    /** The character of the escape at {@code at}, which is left after it. */
    private char escaped() throws MalformedException {
        at++;
        if (at >= text.length()) {
            throw malformed("a string is not closed");
        }
        char c = text.charAt(at++);
        switch (c) {
            case '"':
            case '\\':
            case '/':
                return c;
            case 'b':
                return '\b';
            case 'f':
                return '\f';
            case 'n':
                return '\n';
            case 'r':
                return '\r';
            case 't':
                return '\t';
            case 'u':
                int code = 0;
                for (int i = 0; i < 4; i++) {
                    int digit = Character.digit(peek(), 16);
                    if (digit < 0) {
                        throw malformed("a \\u escape needs four hex digits");
                    }
                    code = code * 16 + digit;
                    at++;
                }
                return (char) code;
            default:
                at--;
                throw malformed("unknown escape \\" + quoted(c));
        }
    }

    /** -?(0|[1-9][0-9]*)(\.[0-9]+)?([eE][+-]?[0-9]+)? */
    private Literal number(boolean root) throws MalformedException {
        int from = at;
        take('-');
        if (!take('0')) {
            digits();
        }
        if (take('.')) {
            digits();
        }
        if (take('e') || take('E')) {
            if (!take('+')) {
                take('-');
            }
            digits();
        }
        if (at - from > MAX_NUMBER_LENGTH) {
            throw malformed("a number longer than " + MAX_NUMBER_LENGTH + " characters");
        }
        // as Jackson, which wants whitespace after a number at the root
        endOfWord(root ? " \t\r\n" : WORD_ENDS);
        return new Literal(text.substring(from, at));
    }

    private void digits() throws MalformedException {
        if (!isDigit(peek())) {
            throw malformed("expected a digit");
        }
        while (isDigit(peek())) {
            at++;
        }
    }

    private Object word(String word, Object value) throws MalformedException {
        if (!text.startsWith(word, at)) {
            throw unexpected();
        }
        at += word.length();
        endOfWord(WORD_ENDS);
        return value;
    }

    /** A number or a literal ends at the end of the text or at one of {@code ends}. */
    private void endOfWord(String ends) throws MalformedException {
        if (at < text.length() && ends.indexOf(text.charAt(at)) < 0) {
            throw unexpected();
        }
    }

    private void skipWhitespace() {
        while (at < text.length()) {
            char c = text.charAt(at);
            if (c != ' ' && c != '\t' && c != '\n' && c != '\r') {
                return;
            }
            at++;
        }
    }

    /** The character at {@code at}; {@code 0} at the end of the text (a raw 0 inside is refused by its reader). */
    private char peek() {
        return at < text.length() ? text.charAt(at) : 0;
    }

    private boolean take(char c) {
        if (at < text.length() && text.charAt(at) == c) {
            at++;
            return true;
        }
        return false;
    }

    private void expect(char c) throws MalformedException {
        if (!take(c)) {
            throw malformed("expected " + quoted(c));
        }
    }

    private MalformedException malformed(String what) {
        int line = 1;
        int lineStart = 0;
        for (int i = 0; i < Math.min(at, text.length()); i++) {
            if (text.charAt(i) == '\n') {
                line++;
                lineStart = i + 1;
            }
        }
        String where = at >= text.length() ? "at the end of the text" : "at line " + line + ", column " + (at - lineStart + 1);
        return new MalformedException(where + ": " + what);
    }

    private MalformedException unexpected() {
        return malformed(at >= text.length() ? "unexpected end of the text" : "unexpected character " + quoted(text.charAt(at)));
    }

    private static String quoted(char c) {
        return c >= 0x20 && c < 0x7f ? "'" + c + "'" : "U+" + Integer.toHexString(0x10000 | c).substring(1).toUpperCase(Locale.ROOT);
    }

    private static boolean isDigit(char c) {
        return c >= '0' && c <= '9';
    }
}
