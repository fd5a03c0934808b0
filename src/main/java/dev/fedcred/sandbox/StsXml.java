package dev.fedcred.sandbox;

import com.sun.net.httpserver.HttpExchange;
import java.io.IOException;
import java.io.OutputStream;
import java.nio.charset.StandardCharsets;

/**
 * STS Query-protocol responses: {@code text/xml} in the 2011-06-15 namespace, element names and
 * nesting exactly as real STS sends them, since SDKs unmarshal by element name.
 */
final class StsXml {

    static final String NAMESPACE = "https://sts.amazonaws.com/doc/2011-06-15/";

    private final StringBuilder xml = new StringBuilder();

    private StsXml() {
    }

    /** {@code <Action>Response><Action>Result>…</…Result><ResponseMetadata>…</…></…Response>}. */
    static StsXml result(String action) {
        StsXml doc = new StsXml();
        doc.xml.append("<").append(action).append("Response xmlns=\"").append(NAMESPACE).append("\">\n");
        doc.open(action + "Result");
        return doc;
    }

    StsXml open(String name) {
        xml.append('<').append(name).append(">\n");
        return this;
    }

    StsXml close(String name) {
        xml.append("</").append(name).append(">\n");
        return this;
    }

    StsXml element(String name, String text) {
        xml.append('<').append(name).append('>').append(escape(text)).append("</").append(name).append(">\n");
        return this;
    }

    /** Closes the result and appends the request id; {@code action} must match {@link #result}. */
    String finish(String action, String requestId) {
        close(action + "Result");
        open("ResponseMetadata").element("RequestId", requestId).close("ResponseMetadata");
        close(action + "Response");
        return xml.toString();
    }

    static String error(StsError error, String requestId) {
        StsXml doc = new StsXml();
        doc.xml.append("<ErrorResponse xmlns=\"").append(NAMESPACE).append("\">\n");
        doc.open("Error")
                .element("Type", error.type())
                .element("Code", error.code())
                .element("Message", error.getMessage())
                .close("Error")
                .element("RequestId", requestId)
                .close("ErrorResponse");
        return doc.xml.toString();
    }

    static void send(HttpExchange exchange, int status, String body, String requestId) throws IOException {
        byte[] bytes = body.getBytes(StandardCharsets.UTF_8);
        var headers = exchange.getResponseHeaders();
        headers.set("Content-Type", "text/xml");
        headers.set("x-amzn-RequestId", requestId);
        // Responses carry credentials; nothing in between may keep them.
        headers.set("Cache-Control", "no-store");
        exchange.sendResponseHeaders(status, bytes.length);
        try (OutputStream out = exchange.getResponseBody()) {
            out.write(bytes);
        }
    }

    private static String escape(String text) {
        StringBuilder out = new StringBuilder(text.length());
        for (char c : text.toCharArray()) {
            switch (c) {
                case '<' -> out.append("&lt;");
                case '>' -> out.append("&gt;");
                case '&' -> out.append("&amp;");
                case '"' -> out.append("&quot;");
                case '\'' -> out.append("&apos;");
                default -> out.append(c);
            }
        }
        return out.toString();
    }
}
