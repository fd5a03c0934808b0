package dev.fedcred.core.gcp;

import com.google.api.client.http.HttpTransport;
import com.google.api.client.http.LowLevelHttpRequest;
import com.google.api.client.http.LowLevelHttpResponse;
import com.google.api.client.util.StreamingContent;
import dev.fedcred.core.net.BoundedInputStream;
import dev.fedcred.core.net.Deadline;
import dev.fedcred.core.net.ReplyDeadlineReached;
import dev.fedcred.core.net.ReplyLimit;
import java.io.IOException;
import java.io.InputStream;
import java.io.OutputStream;
import java.net.HttpURLConnection;
import java.net.URL;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import javax.net.ssl.HttpsURLConnection;
import javax.net.ssl.SSLSocketFactory;

/**
 * The HTTP transport google-auth-library uses for one exchange (Google STS, then IAM Credentials):
 * every reply is read within a size limit, and the whole exchange, retries included, within one
 * deadline. google-http-client's own NetHttpTransport reads a reply however large it is and gives
 * no way in to limit it, so this transport makes the requests itself, on the JDK's
 * HttpURLConnection as NetHttpTransport does.
 */
final class BoundedHttpTransport extends HttpTransport {
    private final SSLSocketFactory tls;
    private final Deadline deadline;

    /** @param tls null for the JDK's default trust */
    BoundedHttpTransport(SSLSocketFactory tls, Deadline deadline) {
        this.tls = tls;
        this.deadline = deadline;
    }

    @Override
    protected LowLevelHttpRequest buildRequest(String method, String url) throws IOException {
        return new Request(method, new URL(url));
    }

    /** "IAM Credentials reply" or "Google STS reply", for the message when one is too large. */
    static String describe(URL url) {
        return url.getPath().endsWith(":generateAccessToken") ? "IAM Credentials reply" : "Google STS reply";
    }

    private final class Request extends LowLevelHttpRequest {
        private final String method;
        private final URL url;
        private final HttpURLConnection connection;

        Request(String method, URL url) throws IOException {
            this.method = method;
            this.url = url;
            this.connection = (HttpURLConnection) url.openConnection();
            if (tls != null && connection instanceof HttpsURLConnection https) {
                https.setSSLSocketFactory(tls);
            }
        }

        @Override
        public void addHeader(String name, String value) {
            connection.addRequestProperty(name, value);
        }

        @Override
        public LowLevelHttpResponse execute() throws IOException {
            if (deadline.passed()) {
                // a retry after the time is up: do not start another attempt
                throw new ReplyDeadlineReached(describe(url));
            }
            connection.setConnectTimeout((int) Math.min(Deadline.CONNECT.toMillis(), deadline.remainingMillis()));
            connection.setReadTimeout(deadline.remainingMillis());
            connection.setInstanceFollowRedirects(false);
            connection.setUseCaches(false);
            connection.setRequestMethod(method);
            StreamingContent content = getStreamingContent();
            if (content != null) {
                if (getContentType() != null) {
                    connection.setRequestProperty("Content-Type", getContentType());
                }
                if (getContentEncoding() != null) {
                    connection.setRequestProperty("Content-Encoding", getContentEncoding());
                }
                connection.setDoOutput(true);
                if (getContentLength() >= 0) {
                    connection.setFixedLengthStreamingMode(getContentLength());
                }
                try (OutputStream out = connection.getOutputStream()) {
                    content.writeTo(out);
                }
            }
            return new Response(connection, ReplyLimit.of(describe(url), url.toString()));
        }
    }

    private final class Response extends LowLevelHttpResponse {
        private final HttpURLConnection connection;
        private final ReplyLimit limit;
        private final int status;
        private final List<String> names = new ArrayList<>();
        private final List<String> values = new ArrayList<>();

        Response(HttpURLConnection connection, ReplyLimit limit) throws IOException {
            this.connection = connection;
            this.limit = limit;
            this.status = connection.getResponseCode();
            for (Map.Entry<String, List<String>> header : connection.getHeaderFields().entrySet()) {
                if (header.getKey() != null) {
                    for (String value : header.getValue()) {
                        names.add(header.getKey());
                        values.add(value);
                    }
                }
            }
        }

        @Override
        public InputStream getContent() throws IOException {
            InputStream raw = status >= 400 ? connection.getErrorStream() : connection.getInputStream();
            return raw == null ? null : new BoundedInputStream(raw, limit, deadline, connection::disconnect);
        }

        @Override
        public String getContentEncoding() {
            return connection.getContentEncoding();
        }

        @Override
        public long getContentLength() {
            return connection.getContentLengthLong();
        }

        @Override
        public String getContentType() {
            return connection.getContentType();
        }

        @Override
        public String getStatusLine() {
            return connection.getHeaderField(0);
        }

        @Override
        public int getStatusCode() {
            return status;
        }

        @Override
        public String getReasonPhrase() throws IOException {
            return connection.getResponseMessage();
        }

        @Override
        public int getHeaderCount() {
            return names.size();
        }

        @Override
        public String getHeaderName(int index) {
            return names.get(index);
        }

        @Override
        public String getHeaderValue(int index) {
            return values.get(index);
        }

        @Override
        public void disconnect() {
            connection.disconnect();
        }
    }
}
