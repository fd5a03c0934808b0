package dev.fedcred.core.oidc;

import static org.assertj.core.api.Assertions.assertThat;

import dev.fedcred.testing.FakeBrowser;
import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.io.InputStream;
import java.io.OutputStream;
import java.io.PrintStream;
import java.net.InetAddress;
import java.net.Socket;
import java.net.SocketTimeoutException;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.logging.Handler;
import java.util.logging.LogRecord;
import java.util.logging.Logger;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.Timeout;

/**
 * Any local process can connect to the receiver while a sign-in waits. None of them may keep the
 * browser's real callback from being answered, and none may make the JDK print on the terminal.
 */
@Timeout(30)
class LoopbackReceiverHostileClientsTest {
    private static final String STATE = "expected-state-value";
    private static final String ISSUER = "https://issuer.example.test";

    private final List<Socket> stalled = new ArrayList<>();
    private LoopbackReceiver receiver = LoopbackReceiver.start(RedirectSpec.ANY_FREE_PORT, STATE, ISSUER);

    @AfterEach
    void close() {
        receiver.close();
        for (Socket socket : stalled) {
            try {
                socket.close();
            } catch (IOException ignored) {
                // already closed by the receiver
            }
        }
    }

    /** Connects and sends half a request line, then says nothing more. */
    private Socket stallingClient() throws IOException {
        Socket socket = new Socket(InetAddress.getLoopbackAddress(), receiver.port());
        socket.getOutputStream().write("GET /?code=half".getBytes(StandardCharsets.US_ASCII));
        socket.getOutputStream().flush();
        stalled.add(socket);
        return socket;
    }

    private HttpResponse<String> realCallback() throws Exception {
        return FakeBrowser.get(URI.create(receiver.redirectUri() + "?code=real-code&state=" + STATE));
    }

    @Test
    void stalledClientsDoNotDelayTheRealCallback() throws Exception {
        for (int i = 0; i < 8; i++) {
            stallingClient();
        }
        long started = System.nanoTime();
        assertThat(realCallback().statusCode()).isEqualTo(200);
        assertThat(receiver.awaitCode(Duration.ofSeconds(2))).isEqualTo("real-code");
        assertThat(Duration.ofNanos(System.nanoTime() - started)).isLessThan(Duration.ofSeconds(3));
    }

    @Test
    void moreStalledClientsThanTheConnectionCapStillLetTheRealCallbackThrough() throws Exception {
        for (int i = 0; i < LoopbackReceiver.Limits.DEFAULT.maxConnections() * 3; i++) {
            stallingClient();
        }
        assertThat(realCallback().statusCode()).isEqualTo(200);
        assertThat(receiver.awaitCode(Duration.ofSeconds(2))).isEqualTo("real-code");
    }

    @Test
    void aStalledClientIsDisconnectedAfterTheReadTimeout() throws Exception {
        receiver.close();
        LoopbackReceiver.Limits quick = new LoopbackReceiver.Limits(Duration.ofMillis(300), 4, 16 * 1024);
        receiver = LoopbackReceiver.start(RedirectSpec.ANY_FREE_PORT, STATE, ISSUER, quick);
        Socket socket = stallingClient();
        socket.setSoTimeout(5_000);
        long started = System.nanoTime();
        String answer = readAll(socket.getInputStream());
        assertThat(Duration.ofNanos(System.nanoTime() - started)).isLessThan(Duration.ofSeconds(3));
        assertThat(answer).startsWith("HTTP/1.1 408");
        // the sign-in itself is still waiting for the real callback
        assertThat(realCallback().statusCode()).isEqualTo(200);
        assertThat(receiver.awaitCode(Duration.ofSeconds(2))).isEqualTo("real-code");
    }

    @Test
    void anOversizedRequestIsRefusedAndDoesNotUseUpTheCallback() throws Exception {
        try (Socket socket = new Socket(InetAddress.getLoopbackAddress(), receiver.port())) {
            socket.setSoTimeout(5_000);
            OutputStream out = socket.getOutputStream();
            String huge = "GET /?state=" + STATE + "&code=" + "x".repeat(LoopbackReceiver.Limits.DEFAULT.maxRequestBytes())
                    + " HTTP/1.1\r\nHost: 127.0.0.1\r\n\r\n";
            try {
                out.write(huge.getBytes(StandardCharsets.US_ASCII));
            } catch (IOException refusedMidway) {
                // the receiver may close before the whole request is sent: that is a refusal too
            }
            String answer = readAll(socket.getInputStream());
            assertThat(answer).satisfiesAnyOf(a -> assertThat(a).startsWith("HTTP/1.1 431"), a -> assertThat(a).isEmpty());
        } catch (java.net.SocketException reset) {
            // a reset while reading is also a refusal
        }
        assertThat(realCallback().statusCode()).isEqualTo(200);
        assertThat(receiver.awaitCode(Duration.ofSeconds(2))).isEqualTo("real-code");
    }

    @Test
    void aHeadRequestPrintsNothingGetsAnAnswerAndLeavesTheCallbackOpen() throws Exception {
        ByteArrayOutputStream printed = new ByteArrayOutputStream();
        List<LogRecord> logged = new ArrayList<>();
        Handler capture = new Handler() {
            @Override
            public void publish(LogRecord record) {
                logged.add(record);
            }

            @Override
            public void flush() {
            }

            @Override
            public void close() {
            }
        };
        Logger root = Logger.getLogger("");
        PrintStream originalErr = System.err;
        root.addHandler(capture);
        System.setErr(new PrintStream(printed, true, StandardCharsets.UTF_8));
        HttpResponse<Void> onRedirectPath;
        HttpResponse<Void> elsewhere;
        try {
            HttpClient client = HttpClient.newHttpClient();
            onRedirectPath = client.send(head(receiver.redirectUri() + "?code=abc&state=" + STATE),
                    HttpResponse.BodyHandlers.discarding());
            elsewhere = client.send(head("http://127.0.0.1:" + receiver.port() + "/favicon.ico"),
                    HttpResponse.BodyHandlers.discarding());
        } finally {
            System.setErr(originalErr);
            root.removeHandler(capture);
        }
        assertThat(printed.toString(StandardCharsets.UTF_8)).isEmpty();
        assertThat(logged).extracting(LogRecord::getMessage).isEmpty();
        assertThat(onRedirectPath.statusCode()).isEqualTo(405);
        assertThat(onRedirectPath.headers().firstValue("Allow")).contains("GET");
        assertThat(elsewhere.statusCode()).isEqualTo(404);
        assertThat(realCallback().statusCode()).isEqualTo(200);
        assertThat(receiver.awaitCode(Duration.ofSeconds(2))).isEqualTo("real-code");
    }

    private static HttpRequest head(String uri) {
        return HttpRequest.newBuilder(URI.create(uri)).method("HEAD", HttpRequest.BodyPublishers.noBody())
                .timeout(Duration.ofSeconds(10)).build();
    }

    private static String readAll(InputStream in) throws IOException {
        ByteArrayOutputStream answer = new ByteArrayOutputStream();
        byte[] buffer = new byte[4096];
        try {
            for (int n; (n = in.read(buffer)) > 0; ) {
                answer.write(buffer, 0, n);
            }
        } catch (SocketTimeoutException e) {
            throw new AssertionError("the receiver kept the connection open; it sent: " + answer, e);
        }
        return answer.toString(StandardCharsets.US_ASCII);
    }
}
