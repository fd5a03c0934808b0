package dev.fedcred.core.net;

/**
 * How much of a remote reply fedcred reads before it stops: every discovery document, token
 * response and STS or Google reply is a few kilobytes, so a limit far above that costs nothing and
 * keeps a broken or hostile server from filling the installed app's small heap (-Xmx128m).
 *
 * @param what     the reply in a user's words, e.g. "AWS STS reply"
 * @param endpoint where it came from, for the message
 */
public record ReplyLimit(String what, String endpoint, long maxBytes) {
    /** Far above any legitimate discovery document, token response or STS/Google reply. */
    public static final long DEFAULT_MAX_BYTES = 1024 * 1024;

    public static ReplyLimit of(String what, String endpoint) {
        return new ReplyLimit(what, endpoint, DEFAULT_MAX_BYTES);
    }

    /** The failure a reader reports when a reply goes past the limit. */
    public ReplyTooLargeException exceeded() {
        return new ReplyTooLargeException(this);
    }

    /** "1 MiB", "256 KiB" or bytes. */
    public String shownSize() {
        if (maxBytes % (1024 * 1024) == 0) {
            return maxBytes / (1024 * 1024) + " MiB";
        }
        return maxBytes % 1024 == 0 ? maxBytes / 1024 + " KiB" : maxBytes + " bytes";
    }
}
