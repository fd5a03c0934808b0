package dev.fedcred.sandbox;

import java.time.Duration;
import java.time.Instant;
import java.util.ArrayDeque;
import java.util.Deque;
import java.util.Set;
import java.util.Objects;
import java.util.regex.Pattern;

/**
 * Errors and odd replies the STS emulator answers with before looking at the request, so a client's
 * retry and back-off logic, and what it makes of replies no real STS sends (a proxy's HTML page,
 * missing elements, expired or huge credentials, an endless body, silence), can be tested against
 * the real SDK. Each queued fault answers exactly one request to {@code /aws-sts}, whatever its
 * Action, in the order queued.
 */
public final class AwsStsFaults {

    /** The code lands in an XML element and in SDK exception lookups: keep it a plain word. */
    private static final Pattern CODE = Pattern.compile("[A-Za-z][A-Za-z0-9.]{0,99}");

    /** The credential values a reply can blow up. */
    private static final Set<String> CREDENTIAL_ELEMENTS = Set.of("AccessKeyId", "SecretAccessKey", "SessionToken");

    private final Deque<StsOddReply> pending = new ArrayDeque<>();

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
        StsError error = StsError.injected(code);
        for (int i = 0; i < count; i++) {
            pending.addLast((exchange, requestId) ->
                    StsXml.send(exchange, error.httpStatus(), StsXml.error(error, requestId), requestId));
        }
    }

    /** The next request gets a proxy's HTML page with {@code status} (200, 503, ...) instead of STS's XML. */
    public synchronized void htmlPageNext(int status) {
        pending.addLast(StsOddReply.htmlPage(status));
    }

    /** The next AssumeRoleWithWebIdentity result has no Credentials element. */
    public synchronized void replyWithoutCredentialsNext() {
        pending.addLast(StsOddReply.withoutCredentials());
    }

    /** The next result's Credentials have no Expiration. */
    public synchronized void replyWithoutExpirationNext() {
        pending.addLast(StsOddReply.withoutExpiration());
    }

    /** The next request gets an ErrorResponse without a Code. */
    public synchronized void errorWithoutCodeNext() {
        pending.addLast(StsOddReply.errorWithoutCode());
    }

    /** The next request gets well-formed credentials expiring at {@code expiration}, past or future. */
    public synchronized void credentialsExpiringNext(Instant expiration) {
        pending.addLast(StsOddReply.credentialsExpiring(Objects.requireNonNull(expiration, "expiration")));
    }

    /**
     * The next request gets credentials valid until {@code expiration} whose {@code element}
     * (AccessKeyId, SecretAccessKey or SessionToken) is {@code characters} long; the reply is streamed.
     */
    public synchronized void oversizedCredentialNext(String element, long characters, Instant expiration) {
        if (!CREDENTIAL_ELEMENTS.contains(element)) {
            throw new IllegalArgumentException("element must be one of " + CREDENTIAL_ELEMENTS + ", was " + element);
        }
        pending.addLast(StsOddReply.oversizedValue(element, characters, Objects.requireNonNull(expiration)));
    }

    /** The next request gets a 200 reply whose body runs on for {@code bytes} bytes (streamed). */
    public synchronized void endlessReplyNext(long bytes) {
        pending.addLast(StsOddReply.endless(bytes));
    }

    /** The next request gets no answer for {@code silence}, then its connection is closed. */
    public synchronized void hangNext(Duration silence) {
        pending.addLast(StsOddReply.hang(Objects.requireNonNull(silence, "silence")));
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
    synchronized StsOddReply takeNext() {
        return pending.pollFirst();
    }
}
