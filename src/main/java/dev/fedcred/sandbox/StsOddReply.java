package dev.fedcred.sandbox;

import com.sun.net.httpserver.HttpExchange;
import java.io.IOException;
import java.io.OutputStream;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.time.Instant;
import java.time.format.DateTimeFormatter;
import java.util.Arrays;

/**
 * A reply real STS would never send but a network can: a proxy's HTML page, XML missing the parts
 * a client relies on, credentials already expired or of absurd size, a body without end, or no
 * answer at all. Large bodies are streamed, so the emulator never holds them in memory.
 */
@FunctionalInterface
interface StsOddReply {

    void send(HttpExchange exchange, String requestId) throws IOException;

    /** What a captive portal or a corporate proxy answers in STS's place. */
    static StsOddReply htmlPage(int status) {
        return (exchange, requestId) -> {
            byte[] page = ("<!DOCTYPE html>\n<html><head><title>Proxy</title></head><body><h1>Access through this proxy"
                    + " needs a sign-in</h1><p>Please log in to continue.</p></body></html>\n")
                    .getBytes(StandardCharsets.UTF_8);
            exchange.getResponseHeaders().set("Content-Type", "text/html; charset=utf-8");
            exchange.sendResponseHeaders(status, page.length);
            try (OutputStream out = exchange.getResponseBody()) {
                out.write(page);
            }
        };
    }

    /** An AssumeRoleWithWebIdentity result without its Credentials element. */
    static StsOddReply withoutCredentials() {
        return (exchange, requestId) -> StsXml.send(exchange, 200, StsXml.result("AssumeRoleWithWebIdentity")
                .element("SubjectFromWebIdentityToken", "sandbox-user-0001")
                .finish("AssumeRoleWithWebIdentity", requestId), requestId);
    }

    /** Credentials without their Expiration. */
    static StsOddReply withoutExpiration() {
        return (exchange, requestId) -> StsXml.send(exchange, 200, credentialsXml(requestId, "ASIAODDREPLY00000001",
                "oddsecret", "oddsessiontoken", null), requestId);
    }

    /** An ErrorResponse whose Error has a message but no Code. */
    static StsOddReply errorWithoutCode() {
        return (exchange, requestId) -> StsXml.send(exchange, 400, "<ErrorResponse xmlns=\"" + StsXml.NAMESPACE + "\">\n"
                + "<Error>\n<Type>Sender</Type>\n<Message>Something went wrong</Message>\n</Error>\n"
                + "<RequestId>" + requestId + "</RequestId>\n</ErrorResponse>\n", requestId);
    }

    /** Well-formed credentials that expire at {@code expiration} (which may be in the past). */
    static StsOddReply credentialsExpiring(Instant expiration) {
        return (exchange, requestId) -> StsXml.send(exchange, 200, credentialsXml(requestId, "ASIAODDREPLY00000002",
                "oddsecret", "oddsessiontoken", expiration), requestId);
    }

    /**
     * Credentials one of whose values ({@code AccessKeyId}, {@code SecretAccessKey} or {@code SessionToken})
     * is {@code characters} long, in a reply streamed with chunked encoding.
     */
    static StsOddReply oversizedValue(String element, long characters, Instant expiration) {
        return (exchange, requestId) -> {
            String xml = credentialsXml(requestId, "ASIAODDREPLY00000003", "oddsecret", "oddsessiontoken", expiration);
            int at = xml.indexOf("<" + element + ">") + element.length() + 2;
            int end = xml.indexOf("</" + element + ">");
            streamed(exchange, 200, xml.substring(0, at), characters, xml.substring(end));
        };
    }

    /** A 200 reply whose body goes on for {@code bytes} bytes of whitespace inside the result. */
    static StsOddReply endless(long bytes) {
        return (exchange, requestId) -> streamed(exchange, 200, "<AssumeRoleWithWebIdentityResponse xmlns=\""
                + StsXml.NAMESPACE + "\">\n<AssumeRoleWithWebIdentityResult>\n", bytes, "");
    }

    /** Holds the connection open, saying nothing, for {@code silence}; then closes it. */
    static StsOddReply hang(Duration silence) {
        return (exchange, requestId) -> {
            try {
                Thread.sleep(silence.toMillis());
            } catch (InterruptedException e) {
                Thread.currentThread().interrupt();
            }
            // no answer at all: the guarded handler closes the exchange
        };
    }

    private static String credentialsXml(String requestId, String accessKeyId, String secret, String sessionToken,
                                         Instant expiration) {
        StsXml xml = StsXml.result("AssumeRoleWithWebIdentity")
                .element("SubjectFromWebIdentityToken", "sandbox-user-0001")
                .element("Audience", SandboxClient.CLIENT_ID)
                .open("AssumedRoleUser")
                .element("AssumedRoleId", "AROAODDREPLY:odd")
                .element("Arn", "arn:aws:sts::" + SandboxAws.ACCOUNT_ID + ":assumed-role/odd/odd")
                .close("AssumedRoleUser")
                .open("Credentials")
                .element("AccessKeyId", accessKeyId)
                .element("SecretAccessKey", secret)
                .element("SessionToken", sessionToken);
        if (expiration != null) {
            xml.element("Expiration", DateTimeFormatter.ISO_INSTANT.format(expiration));
        }
        return xml.close("Credentials").element("Provider", "odd").finish("AssumeRoleWithWebIdentity", requestId);
    }

    /** {@code head}, then {@code fillerBytes} of 'A', then {@code tail}; a client that stops reading ends it. */
    private static void streamed(HttpExchange exchange, int status, String head, long fillerBytes, String tail)
            throws IOException {
        exchange.getResponseHeaders().set("Content-Type", "text/xml");
        exchange.sendResponseHeaders(status, 0);
        byte[] chunk = new byte[64 * 1024];
        Arrays.fill(chunk, (byte) 'A');
        try (OutputStream out = exchange.getResponseBody()) {
            out.write(head.getBytes(StandardCharsets.UTF_8));
            for (long left = fillerBytes; left > 0; left -= chunk.length) {
                out.write(chunk, 0, (int) Math.min(chunk.length, left));
            }
            out.write(tail.getBytes(StandardCharsets.UTF_8));
        } catch (IOException clientStoppedReading) {
            // what a bounded client does: nothing more to send
        }
    }
}
