package dev.fedcred.core.aws;

import dev.fedcred.core.net.BoundedInputStream;
import dev.fedcred.core.net.ReplyLimit;
import dev.fedcred.core.net.ReplyLimitReached;
import java.io.ByteArrayInputStream;
import java.io.IOException;
import java.io.InputStream;
import software.amazon.awssdk.http.AbortableInputStream;
import software.amazon.awssdk.http.ExecutableHttpRequest;
import software.amazon.awssdk.http.HttpExecuteRequest;
import software.amazon.awssdk.http.HttpExecuteResponse;
import software.amazon.awssdk.http.SdkHttpClient;

/**
 * The SDK's HTTP client with every reply body limited: the SDK reads an STS reply whole before it
 * unmarshals it, so without a limit an endless body (a broken proxy, a hostile endpoint) ends in
 * OutOfMemoryError under the installed app's small heap. The body is read here, within the limit,
 * rather than handed on as a stream: the SDK's XML parser drops the cause of a failed read, and an
 * I/O failure of the call itself keeps it.
 */
final class BoundedSdkHttpClient implements SdkHttpClient {
    static final String WHAT = WebIdentityStsClient.REPLY;

    private final SdkHttpClient delegate;

    BoundedSdkHttpClient(SdkHttpClient delegate) {
        this.delegate = delegate;
    }

    @Override
    public ExecutableHttpRequest prepareRequest(HttpExecuteRequest request) {
        ExecutableHttpRequest call = delegate.prepareRequest(request);
        ReplyLimit limit = ReplyLimit.of(WHAT, request.httpRequest().getUri().toString());
        return new ExecutableHttpRequest() {
            @Override
            public HttpExecuteResponse call() throws IOException {
                HttpExecuteResponse response = call.call();
                byte[] body = response.responseBody().isPresent() ? readWithin(response.responseBody().get(), limit) : null;
                return HttpExecuteResponse.builder()
                        .response(response.httpResponse())
                        .responseBody(body == null ? null : AbortableInputStream.create(new ByteArrayInputStream(body)))
                        .build();
            }

            @Override
            public void abort() {
                call.abort();
            }
        };
    }

    /**
     * Too large ends in the unchecked {@link dev.fedcred.core.net.ReplyTooLargeException}, which the
     * SDK does not retry (it retries I/O failures): asking again would only read the same flood.
     */
    private static byte[] readWithin(AbortableInputStream body, ReplyLimit limit) throws IOException {
        try (InputStream in = new BoundedInputStream(body, limit, null, body::abort)) {
            return in.readAllBytes();
        } catch (ReplyLimitReached e) {
            throw limit.exceeded();
        }
    }

    @Override
    public String clientName() {
        return delegate.clientName();
    }

    @Override
    public void close() {
        delegate.close();
    }
}
