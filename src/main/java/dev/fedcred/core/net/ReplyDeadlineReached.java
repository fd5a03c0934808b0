package dev.fedcred.core.net;

import java.io.IOException;

/** A reply still arriving when the call's deadline passed (a server that trickles its answer). */
public final class ReplyDeadlineReached extends IOException {
    private static final long serialVersionUID = 1L;

    public ReplyDeadlineReached(String what) {
        super(what + " still arriving when the deadline passed");
    }
}
