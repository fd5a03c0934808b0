package dev.fedcred.core.aws.profiles;

import java.nio.charset.StandardCharsets;

/**
 * AWS files are edited as ISO-8859-1 text: one char per byte, so any file (UTF-8 with a BOM,
 * a comment saved as Windows-1252, a stray invalid byte) turns into text and back into exactly
 * the same bytes. All the syntax is ASCII, which reads the same either way; only text fedcred
 * generates or reads back is converted from and to real UTF-8 here.
 */
final class RawText {
    static final String UTF8_BOM = "\u00ef\u00bb\u00bf";

    private RawText() {
    }

    static String fromBytes(byte[] bytes) {
        return new String(bytes, StandardCharsets.ISO_8859_1);
    }

    static byte[] toBytes(String raw) {
        return raw.getBytes(StandardCharsets.ISO_8859_1);
    }

    /** Unicode text as it appears in a UTF-8 file's raw text. */
    static String fromUnicode(String text) {
        return fromBytes(text.getBytes(StandardCharsets.UTF_8));
    }

    /** Raw text of a UTF-8 file back to the Unicode it encodes. */
    static String toUnicode(String raw) {
        return new String(toBytes(raw), StandardCharsets.UTF_8);
    }
}
