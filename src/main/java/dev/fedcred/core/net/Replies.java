package dev.fedcred.core.net;

/** Finding the failures of this package again in what a library throws, however it wrapped them. */
public final class Replies {
    private Replies() {
    }

    /** The too-large failure behind {@code e}, or null when the reply was not too large. */
    public static ReplyTooLargeException tooLarge(Throwable e) {
        for (Throwable at = e; at != null; at = at.getCause() == at ? null : at.getCause()) {
            if (at instanceof ReplyLimitReached reached) {
                return reached.limit().exceeded();
            }
            if (at instanceof ReplyTooLargeException already) {
                return already;
            }
        }
        return null;
    }

    /** True if {@code e} comes from a reply that was still arriving when its deadline passed. */
    public static boolean deadlineReached(Throwable e) {
        for (Throwable at = e; at != null; at = at.getCause() == at ? null : at.getCause()) {
            if (at instanceof ReplyDeadlineReached || at instanceof java.net.SocketTimeoutException
                    || at instanceof java.net.http.HttpTimeoutException) {
                return true;
            }
        }
        return false;
    }
}
