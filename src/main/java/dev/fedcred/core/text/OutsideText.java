package dev.fedcred.core.text;

/**
 * Text that came from outside fedcred (a claim, a provider's error description, a reply body, a
 * file's content), made safe to print on a terminal or show in a window. Control characters
 * (C0 but tab, DEL, C1) could clear or retitle a terminal or hide what follows; bidirectional
 * overrides and isolates could make a window show text in another order than it is. Each becomes
 * a visible {@code \}{@code uXXXX} escape, so the reader sees that something was there. Line
 * breaks are escaped too: outside text never starts a line of its own in a message.
 */
public final class OutsideText {
    /** Replies and claims are shown, not read: a message never carries more than this of one. */
    public static final int MAX_SHOWN_CHARS = 500;

    private OutsideText() {
    }

    /** {@code text} with every character a terminal or a window could act on escaped; null stays null. */
    public static String neutralise(String text) {
        return escape(text, false);
    }

    /**
     * {@link #neutralise}, but line breaks ({@code \n}, and {@code \r\n}) stay: for a whole message
     * or a printed line at the place it reaches a terminal or a window, where fedcred's own text may
     * span lines and whatever outside text it carries has been neutralised already. A lone
     * {@code \r}, which would let text overwrite the start of its line, is still escaped.
     */
    public static String neutraliseKeepingLineBreaks(String text) {
        return escape(text, true);
    }

    /** {@link #neutralise} and cut to {@link #MAX_SHOWN_CHARS}, marked with an ellipsis when cut. */
    public static String shown(String text) {
        String safe = neutralise(text);
        if (safe == null || safe.length() <= MAX_SHOWN_CHARS) {
            return safe;
        }
        int end = MAX_SHOWN_CHARS;
        if (Character.isHighSurrogate(safe.charAt(end - 1))) {
            end--;
        }
        return safe.substring(0, end) + "…";
    }

    /** {@link #shown} in double quotes, as a message quotes a value it refuses. */
    public static String quoted(String text) {
        return "\"" + shown(text) + "\"";
    }

    private static String escape(String text, boolean keepLineBreaks) {
        if (text == null) {
            return null;
        }
        StringBuilder safe = null;
        for (int i = 0; i < text.length(); i++) {
            char c = text.charAt(i);
            if (isUnsafe(c) && !(keepLineBreaks && isLineBreak(text, i))) {
                if (safe == null) {
                    safe = new StringBuilder(text.length() + 16).append(text, 0, i);
                }
                safe.append(String.format("\\u%04X", (int) c));
            } else if (safe != null) {
                safe.append(c);
            }
        }
        return safe == null ? text : safe.toString();
    }

    private static boolean isLineBreak(String text, int i) {
        char c = text.charAt(i);
        return c == '\n' || (c == '\r' && i + 1 < text.length() && text.charAt(i + 1) == '\n');
    }

    static boolean isUnsafe(char c) {
        if (c == '\t') {
            return false;
        }
        return c < 0x20 || (c >= 0x7F && c <= 0x9F)
                || (c >= '\u202A' && c <= '\u202E') // bidi embeddings and overrides
                || (c >= '\u2066' && c <= '\u2069') // bidi isolates
                || c == '\u200E' || c == '\u200F' || c == '\u061C' // direction marks
                || c == '\u2028' || c == '\u2029'; // line and paragraph separators
    }
}
