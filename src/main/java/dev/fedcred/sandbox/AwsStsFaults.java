package dev.fedcred.sandbox;

import java.util.ArrayDeque;
import java.util.Deque;
import java.util.Objects;
import java.util.regex.Pattern;

/**
 * Errors the STS emulator answers with before looking at the request, so a client's retry and
 * back-off logic can be tested. Each queued fault answers exactly one request to {@code /aws-sts},
 * whatever its Action, in the order queued.
 */
public final class AwsStsFaults {

    /** The code lands in an XML element and in SDK exception lookups: keep it a plain word. */
    private static final Pattern CODE = Pattern.compile("[A-Za-z][A-Za-z0-9.]{0,99}");

    private final Deque<String> pending = new ArrayDeque<>();

    AwsStsFaults() {
    }

    /**
     * Fails the next {@code count} requests with {@code code}, after any faults already queued.
     * "Throttling" answers HTTP 400 "Rate exceeded" and "IDPCommunicationError" HTTP 400, as STS
     * does; "InternalFailure" 500 and "ServiceUnavailable" 503; any other code HTTP 400.
     */
    public synchronized void failNext(int count, String code) {
        Objects.requireNonNull(code, "code");
        if (count < 0) {
            throw new IllegalArgumentException("count must not be negative, was " + count);
        }
        if (!CODE.matcher(code).matches()) {
            throw new IllegalArgumentException("an error code is a word like Throttling, was " + code);
        }
        for (int i = 0; i < count; i++) {
            pending.addLast(code);
        }
    }

    /** Drops every queued fault. */
    public synchronized void clear() {
        pending.clear();
    }

    /** How many requests will still fail. */
    public synchronized int remaining() {
        return pending.size();
    }

    /** The fault for this request, or null to serve it normally. */
    synchronized StsError takeNext() {
        String code = pending.pollFirst();
        return code == null ? null : StsError.injected(code);
    }
}
