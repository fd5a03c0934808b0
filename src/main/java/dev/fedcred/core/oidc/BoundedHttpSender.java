package dev.fedcred.core.oidc;

import com.nimbusds.oauth2.sdk.http.HTTPRequestSender;
import com.nimbusds.oauth2.sdk.http.HTTPResponse;
import com.nimbusds.oauth2.sdk.http.ReadOnlyHTTPRequest;
import com.nimbusds.oauth2.sdk.http.ReadOnlyHTTPResponse;
import dev.fedcred.core.net.BoundedInputStream;
import dev.fedcred.core.net.Deadline;
import dev.fedcred.core.net.ReplyLimit;
import java.io.IOException;
import java.io.InputStream;
import java.io.OutputStream;
import java.net.HttpURLConnection;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.util.List;
import java.util.Map;

/**
 * Sends the Nimbus SDK's requests (discovery, token endpoint) with a limit on the reply and a
 * deadline on the whole exchange. Nimbus's own sender reads a reply whole however large it is, and
 * its read timeout restarts with every byte, so a server that trickles never times out.
 * Redirects are not followed: none of these endpoints redirects, and following one would send a
 * token request somewhere discovery never named.
 */
final class BoundedHttpSender implements HTTPRequestSender {
    private final String what;
    private final long maxBytes;
    private final Duration deadline;

    /** @param what the reply in a user's words, e.g. "discovery document" */
    BoundedHttpSender(String what, Duration deadline) {
        this(what, ReplyLimit.DEFAULT_MAX_BYTES, deadline);
    }

    BoundedHttpSender(String what, long maxBytes, Duration deadline) {
        this.what = what;
        this.maxBytes = maxBytes;
        this.deadline = deadline;
    }

    @Override
    public ReadOnlyHTTPResponse send(ReadOnlyHTTPRequest request) throws IOException {
        Deadline until = Deadline.in(deadline);
        HttpURLConnection connection = (HttpURLConnection) request.getURL().openConnection();
        connection.setConnectTimeout((int) Deadline.connectTimeout(deadline).toMillis());
        connection.setReadTimeout(until.remainingMillis());
        connection.setInstanceFollowRedirects(false);
        connection.setUseCaches(false);
        connection.setRequestMethod(request.getMethod().name());
        for (Map.Entry<String, List<String>> header : request.getHeaderMap().entrySet()) {
            for (String value : header.getValue()) {
                connection.addRequestProperty(header.getKey(), value);
            }
        }
        String body = request.getBody();
        if (body != null) {
            connection.setDoOutput(true);
            try (OutputStream out = connection.getOutputStream()) {
                out.write(body.getBytes(StandardCharsets.UTF_8));
            }
        }
        int status = connection.getResponseCode();
        HTTPResponse response = new HTTPResponse(status);
        response.setStatusMessage(connection.getResponseMessage());
        for (Map.Entry<String, List<String>> header : connection.getHeaderFields().entrySet()) {
            if (header.getKey() != null) {
                response.setHeader(header.getKey(), header.getValue().toArray(String[]::new));
            }
        }
        InputStream raw = status >= 400 ? connection.getErrorStream() : connection.getInputStream();
        if (raw != null) {
            response.setBody(new String(readWithin(raw, connection, until,
                    new ReplyLimit(what, request.getURI().toString(), maxBytes)), StandardCharsets.UTF_8));
        }
        return response;
    }

    private static byte[] readWithin(InputStream raw, HttpURLConnection connection, Deadline until, ReplyLimit limit)
            throws IOException {
        try (InputStream in = new BoundedInputStream(raw, limit, until, connection::disconnect)) {
            return in.readAllBytes();
        }
    }
}
