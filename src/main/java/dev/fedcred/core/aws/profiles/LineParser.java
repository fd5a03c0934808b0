package dev.fedcred.core.aws.profiles;

import dev.fedcred.core.aws.profiles.ProfileDocument.Line;
import dev.fedcred.core.aws.profiles.ProfileDocument.LineType;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;

/**
 * Splits raw file text into classified lines with the rules of the AWS SDK for Java's profile
 * reader (line endings as {@link java.io.BufferedReader} sees them: LF, CRLF or a lone CR).
 * Errors name the line number and the problem but never quote the line: it may hold a secret.
 */
final class LineParser {
    private final Path file;
    private final AwsFileKind kind;
    private boolean inSection;
    private boolean afterKey;

    LineParser(Path file, AwsFileKind kind) {
        this.file = file;
        this.kind = kind;
    }

    List<Line> parse(String raw) {
        List<Line> lines = new ArrayList<>();
        int start = 0;
        while (start < raw.length()) {
            int end = start;
            while (end < raw.length() && raw.charAt(end) != '\n' && raw.charAt(end) != '\r') {
                end++;
            }
            int next = end;
            if (next < raw.length()) {
                next += raw.startsWith("\r\n", next) ? 2 : 1;
            }
            lines.add(classify(raw.substring(start, end), raw.substring(end, next), lines.size() + 1));
            start = next;
        }
        return lines;
    }

    private Line classify(String text, String eol, int number) {
        if (isBlank(text)) {
            return new Line(text, eol, LineType.BLANK, null);
        }
        char first = text.charAt(0);
        if (first == '#' || first == ';') {
            return new Line(text, eol, LineType.COMMENT, null);
        }
        if (first == '[') {
            return header(text, eol, number);
        }
        if (first == ' ' || first == '\t') {
            if (!afterKey) {
                throw new AwsFileParseException(file, number, "is indented, which continues the value of the key"
                        + " above it, but there is no key above it in its section");
            }
            return new Line(text, eol, LineType.CONTINUATION, null);
        }
        return property(text, eol, number);
    }

    private Line header(String text, String eol, int number) {
        // a header may carry a comment after it, with or without a space before '#' or ';'
        String withoutComment = text.substring(0, firstOf(text, '#', ';')).trim();
        if (!withoutComment.endsWith("]") || withoutComment.length() < 2) {
            throw new AwsFileParseException(file, number, "starts a [section] header but does not end with ']'");
        }
        String name = withoutComment.substring(1, withoutComment.length() - 1).trim();
        inSection = true;
        afterKey = false;
        return new Line(text, eol, LineType.HEADER, kind.profileNamed(RawText.toUnicode(name)));
    }

    private Line property(String text, String eol, int number) {
        int equals = text.indexOf('=');
        if (equals < 0) {
            throw new AwsFileParseException(file, number, "is not a [section] header, a key = value line, a comment"
                    + " or a blank line");
        }
        String key = text.substring(0, equals).trim();
        if (key.isEmpty()) {
            throw new AwsFileParseException(file, number, "has '=' but no key before it");
        }
        if (!inSection) {
            throw new AwsFileParseException(file, number, "sets a key before the first [section] header");
        }
        afterKey = true;
        return new Line(text, eol, LineType.PROPERTY, key);
    }

    private static boolean isBlank(String text) {
        for (int i = 0; i < text.length(); i++) {
            if (text.charAt(i) != ' ' && text.charAt(i) != '\t') {
                return false;
            }
        }
        return true;
    }

    private static int firstOf(String text, char a, char b) {
        for (int i = 0; i < text.length(); i++) {
            if (text.charAt(i) == a || text.charAt(i) == b) {
                return i;
            }
        }
        return text.length();
    }
}
