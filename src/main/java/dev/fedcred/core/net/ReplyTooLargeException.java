package dev.fedcred.core.net;

import dev.fedcred.core.FedcredException;

/** A remote reply was larger than fedcred reads; the message names the reply, where it came from and the limit. */
public class ReplyTooLargeException extends FedcredException {
    private final transient ReplyLimit limit;

    ReplyTooLargeException(ReplyLimit limit) {
        super("The " + limit.what() + " from " + limit.endpoint() + " is larger than " + limit.shownSize()
                + ", far more than it should be; fedcred stopped reading it. Check that the URL points at the right"
                + " server and that no proxy answers in its place, then try again.");
        this.limit = limit;
    }

    public ReplyLimit limit() {
        return limit;
    }
}
