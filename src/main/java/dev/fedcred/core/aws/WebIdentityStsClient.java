package dev.fedcred.core.aws;

import dev.fedcred.core.net.BoundedInputStream;
import dev.fedcred.core.net.Deadline;
import dev.fedcred.core.net.Replies;
import dev.fedcred.core.net.ReplyDeadlineReached;
import dev.fedcred.core.net.ReplyLimit;
import dev.fedcred.core.net.ReplyLimitReached;
import dev.fedcred.core.text.OutsideText;
import java.io.IOException;
import java.io.InputStream;
import java.io.OutputStream;
import java.net.HttpURLConnection;
import java.net.URI;
import java.net.URLEncoder;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.time.Instant;
import java.time.format.DateTimeFormatter;
import java.time.format.DateTimeParseException;
import java.util.Set;
import java.util.concurrent.ThreadLocalRandom;
import javax.xml.stream.XMLStreamException;

/**
 * AssumeRoleWithWebIdentity as STS's Query protocol defines it: a form POST, XML back, over the
 * JDK's HttpURLConnection. The call is unsigned (the ID token is the proof), so it needs nothing of
 * the AWS SDK, whose start-up (service model, endpoint rules, interceptors, an HTTP client with TLS
 * set up ahead) was the larger part of a cold {@code fedcred assume}. It keeps what the SDK's
 * standard retry mode gave: up to three attempts, with backoff and full jitter, for throttling,
 * STS's IDPCommunicationError, 5xx and failed connections; one deadline for the whole call,
 * retries included; and replies read within {@link ReplyLimit}.
 */
final class WebIdentityStsClient {
    static final String REPLY = "AWS STS reply";
    private static final String VERSION = "2011-06-15";
    private static final String RESULT = "AssumeRoleWithWebIdentityResponse/AssumeRoleWithWebIdentityResult/";
    private static final int MAX_ATTEMPTS = 3;
    private static final Duration BASE_DELAY = Duration.ofMillis(100);
    private static final Duration THROTTLED_BASE_DELAY = Duration.ofMillis(500);
    private static final Duration MAX_DELAY = Duration.ofSeconds(20);
    /** The codes the SDK's standard retry mode treats as throttling. */
    private static final Set<String> THROTTLING = Set.of("Throttling", "ThrottlingException", "ThrottledException",
            "RequestThrottledException", "TooManyRequestsException", "ProvisionedThroughputExceededException",
            "TransactionInProgressException", "RequestLimitExceeded", "BandwidthLimitExceeded", "LimitExceededException",
            "RequestThrottled", "SlowDown", "PriorRequestNotComplete", "EC2ThrottledException");
    /** ... and as transient; STS could not reach the identity provider: worth retrying, as AWS documents. */
    private static final Set<String> TRANSIENT = Set.of("RequestTimeout", "RequestTimeoutException", "InternalError",
            "IDPCommunicationError");

    private final Duration deadline;

    /** @param deadline how long one call may take in all, retries included */
    WebIdentityStsClient(Duration deadline) {
        this.deadline = deadline;
    }

    Duration deadline() {
        return deadline;
    }

    /**
     * What STS answered, or {@link Refused} with its error reply after any retries; a failure to get
     * a reply at all ends in the {@link StsRefusals} message for it, or in a ReplyTooLargeException.
     */
    StsReply assume(URI endpoint, String roleArn, String sessionName, String webIdentityToken, long durationSeconds) {
        byte[] form = ("Action=AssumeRoleWithWebIdentity&Version=" + VERSION + "&RoleArn=" + encode(roleArn)
                + "&RoleSessionName=" + encode(sessionName) + "&WebIdentityToken=" + encode(webIdentityToken)
                + "&DurationSeconds=" + durationSeconds).getBytes(StandardCharsets.UTF_8);
        String shown = endpoint.toString();
        ReplyLimit limit = ReplyLimit.of(REPLY, shown);
        Deadline until = Deadline.in(deadline);
        for (int attempt = 1; ; attempt++) {
            Reply reply;
            try {
                reply = post(endpoint, form, limit, until);
            } catch (ReplyLimitReached e) {
                // not retried: asking again would only read the same flood
                throw limit.exceeded();
            } catch (IOException e) {
                if (until.passed() || e instanceof ReplyDeadlineReached) {
                    throw StsRefusals.timedOut(shown, deadline, e);
                }
                // a refused or timed-out connection is tried again, as the SDK did
                if (attempt < MAX_ATTEMPTS && pause(attempt, BASE_DELAY, until)) {
                    continue;
                }
                throw Replies.deadlineReached(e) ? StsRefusals.timedOut(shown, deadline, e) : StsRefusals.unreachable(e, shown);
            }
            if (reply.status() / 100 == 2) {
                return credentials(reply.body(), shown);
            }
            StsRefusal refusal = refusal(reply);
            String code = refusal.code() == null ? "" : refusal.code();
            boolean throttled = reply.status() == 429 || THROTTLING.contains(code);
            boolean retryable = throttled || reply.status() >= 500 || TRANSIENT.contains(code);
            if (!retryable || attempt >= MAX_ATTEMPTS || !pause(attempt, throttled ? THROTTLED_BASE_DELAY : BASE_DELAY, until)) {
                throw new Refused(refusal);
            }
        }
    }

    private record Reply(int status, byte[] body) {
    }

    private Reply post(URI endpoint, byte[] form, ReplyLimit limit, Deadline until) throws IOException {
        HttpURLConnection connection = (HttpURLConnection) endpoint.toURL().openConnection();
        boolean whole = false;
        try {
            connection.setConnectTimeout((int) Math.min(Deadline.connectTimeout(deadline).toMillis(), until.remainingMillis()));
            connection.setReadTimeout(until.remainingMillis());
            connection.setInstanceFollowRedirects(false);
            connection.setUseCaches(false);
            connection.setRequestMethod("POST");
            connection.setDoOutput(true);
            connection.setRequestProperty("Content-Type", "application/x-www-form-urlencoded; charset=utf-8");
            connection.setRequestProperty("Accept", "text/xml");
            try (OutputStream out = connection.getOutputStream()) {
                out.write(form);
            }
            int status = connection.getResponseCode();
            InputStream body = status >= 400 ? connection.getErrorStream() : connection.getInputStream();
            byte[] read;
            if (body == null) {
                read = new byte[0];
            } else {
                try (InputStream in = new BoundedInputStream(body, limit, until, connection::disconnect)) {
                    read = in.readAllBytes();
                }
            }
            whole = true;
            return new Reply(status, read);
        } finally {
            // a whole reply leaves the connection to be kept alive for the next call
            if (!whole) {
                connection.disconnect();
            }
        }
    }

    private static StsReply credentials(byte[] body, String endpoint) {
        StsQueryXml xml;
        try {
            xml = StsQueryXml.parse(body);
        } catch (XMLStreamException e) {
            throw StsRefusals.notAnStsReply(endpoint, "a reply that is not STS's XML", null);
        }
        StsReply.Keys keys = !xml.has(RESULT + "Credentials") ? null : new StsReply.Keys(
                xml.text(RESULT + "Credentials/AccessKeyId"), xml.text(RESULT + "Credentials/SecretAccessKey"),
                xml.text(RESULT + "Credentials/SessionToken"), expiration(xml.text(RESULT + "Credentials/Expiration"), endpoint));
        StsReply.User user = !xml.has(RESULT + "AssumedRoleUser") ? null : new StsReply.User(
                xml.text(RESULT + "AssumedRoleUser/Arn"), xml.text(RESULT + "AssumedRoleUser/AssumedRoleId"));
        return new StsReply(keys, user, xml.text(RESULT + "SubjectFromWebIdentityToken"), xml.text(RESULT + "Audience"),
                xml.text(RESULT + "Provider"));
    }

    /** An ISO 8601 time, as STS sends it ("2026-12-02T06:21:29Z", with or without fractions or an offset). */
    private static Instant expiration(String text, String endpoint) {
        if (text == null) {
            return null;
        }
        try {
            return DateTimeFormatter.ISO_OFFSET_DATE_TIME.parse(text, Instant::from);
        } catch (DateTimeParseException e) {
            throw StsRefusals.notAnStsReply(endpoint, "an Expiration that is not a time", null);
        }
    }

    /** STS's error document, or a refusal without a code when the reply is not one. */
    private static StsRefusal refusal(Reply reply) {
        try {
            StsQueryXml xml = StsQueryXml.parse(reply.body());
            return new StsRefusal(reply.status(), xml.textEndingIn("Error/Code").orElse(null),
                    xml.textEndingIn("Error/Message").orElse(null));
        } catch (XMLStreamException e) {
            return new StsRefusal(reply.status(), null, null);
        }
    }

    /**
     * Waits before attempt {@code attempt + 1}, a random time up to the exponential backoff (full
     * jitter, as the SDK does); false, without waiting, when that could pass the deadline.
     */
    private static boolean pause(int attempt, Duration base, Deadline until) {
        long ceiling = Math.min(MAX_DELAY.toMillis(), base.toMillis() << (attempt - 1));
        long delay = ThreadLocalRandom.current().nextLong(ceiling + 1);
        if (delay >= until.remainingMillis()) {
            return false;
        }
        try {
            Thread.sleep(delay);
            return true;
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            return false;
        }
    }

    private static String encode(String value) {
        return URLEncoder.encode(value, StandardCharsets.UTF_8);
    }

    /** STS's error reply, once retrying is over: the caller knows what it means for its target. */
    static final class Refused extends RuntimeException {
        private final transient StsRefusal refusal;

        Refused(StsRefusal refusal) {
            super("AWS STS refused the call: HTTP " + refusal.status() + ", " + OutsideText.shown(refusal.code()), null, false, false);
            this.refusal = refusal;
        }

        StsRefusal refusal() {
            return refusal;
        }
    }
}
