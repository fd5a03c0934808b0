package dev.fedcred.sandbox;

import com.sun.net.httpserver.HttpExchange;
import java.io.IOException;
import java.time.Duration;
import java.time.Instant;
import java.time.format.DateTimeFormatter;

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
        return (exchange, requestId) -> OddReplies.htmlPage(exchange, status);
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
            OddReplies.streamed(exchange, 200, "text/xml", xml.substring(0, at), characters, xml.substring(end));
        };
    }

    /** A 200 reply whose body goes on for {@code bytes} bytes of whitespace inside the result. */
    static StsOddReply endless(long bytes) {
        return (exchange, requestId) -> OddReplies.streamed(exchange, 200, "text/xml", "<AssumeRoleWithWebIdentityResponse xmlns=\""
                + StsXml.NAMESPACE + "\">\n<AssumeRoleWithWebIdentityResult>\n", bytes, "");
    }

    /** Holds the connection open, saying nothing, for {@code silence}; then closes it. */
    static StsOddReply hang(Duration silence) {
        return (exchange, requestId) -> OddReplies.hang(silence);
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
}
