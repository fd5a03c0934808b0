package dev.fedcred.core.net;

import java.io.IOException;

/**
 * What {@link BoundedInputStream} throws inside a library's read loop: an IOException, so every
 * library passes it on (usually wrapped); {@link Replies#tooLarge} finds it again in the cause chain.
 */
public final class ReplyLimitReached extends IOException {
    private static final long serialVersionUID = 1L;
    private final transient ReplyLimit limit;

    ReplyLimitReached(ReplyLimit limit) {
        super(limit.what() + " larger than " + limit.shownSize());
        this.limit = limit;
    }

    public ReplyLimit limit() {
        return limit;
    }
}
