package dev.fedcred.core.net;

import java.io.FilterInputStream;
import java.io.IOException;
import java.io.InputStream;

/**
 * A reply body that ends in {@link ReplyLimitReached} once more than the limit's bytes have come,
 * and in {@link ReplyDeadlineReached} when it is still arriving after the deadline (a server that
 * sends a byte every few seconds never trips a read timeout).
 */
public final class BoundedInputStream extends FilterInputStream {
    private final ReplyLimit limit;
    private final Deadline deadline;
    private final Runnable abort;
    private long count;

    public BoundedInputStream(InputStream in, ReplyLimit limit, Deadline deadline) {
        this(in, limit, deadline, () -> { });
    }

    /**
     * @param deadline null for none
     * @param abort    drops the connection when a limit trips: closing the stream instead would make
     *                 the JDK read the rest of a flood to keep the connection for reuse
     */
    public BoundedInputStream(InputStream in, ReplyLimit limit, Deadline deadline, Runnable abort) {
        super(in);
        this.limit = limit;
        this.deadline = deadline;
        this.abort = abort;
    }

    @Override
    public int read() throws IOException {
        int b = super.read();
        if (b >= 0) {
            counted(1);
        }
        return b;
    }

    @Override
    public int read(byte[] buffer, int offset, int length) throws IOException {
        int n = super.read(buffer, offset, length);
        if (n > 0) {
            counted(n);
        }
        return n;
    }

    @Override
    public long skip(long n) throws IOException {
        long skipped = super.skip(n);
        counted(skipped);
        return skipped;
    }

    private void counted(long n) throws IOException {
        count += n;
        if (count > limit.maxBytes()) {
            abort.run();
            throw new ReplyLimitReached(limit);
        }
        if (deadline != null && deadline.passed()) {
            abort.run();
            throw new ReplyDeadlineReached(limit.what());
        }
    }
}
