package dev.fedcred.core.oidc;

import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.io.InputStream;
import java.io.OutputStream;
import java.net.InetAddress;
import java.net.InetSocketAddress;
import java.net.ServerSocket;
import java.net.Socket;
import java.net.SocketTimeoutException;
import java.net.URI;
import java.net.URISyntaxException;
import java.net.UnknownHostException;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.util.Iterator;
import java.util.LinkedHashSet;
import java.util.Map;
import java.util.Set;
import java.util.TreeMap;

/**
 * The smallest HTTP/1.1 server a loopback redirect needs: one request per connection, answered
 * and closed. It exists because any local process can connect while a sign-in waits. Each
 * connection is read on its own thread with a deadline for the whole request head and a size
 * limit, and when {@link LoopbackReceiver.Limits#maxConnections()} connections are still sending
 * their request, the oldest of them is dropped to make room: stalled clients, however many,
 * cannot keep the browser's callback from being read. The JDK's {@code HttpServer} has neither a
 * per-connection read timeout nor a connection cap, and prints a warning on the terminal for a
 * HEAD request. Only 127.0.0.1 is bound.
 */
final class LoopbackHttpServer implements AutoCloseable {
    /** The request line of a request, its target split into the decoded path and the raw query. */
    record Request(String method, String path, String rawQuery) {
        boolean isHead() {
            return "HEAD".equals(method);
        }
    }

    /**
     * A complete answer (the body is left out for HEAD), and what to do once it is sent or the
     * client is gone.
     */
    record Response(int status, String reason, Map<String, String> headers, byte[] body, Runnable afterSent) {
        static Response of(int status, String reason, String contentType, byte[] body) {
            return new Response(status, reason, Map.of("Content-Type", contentType, "Cache-Control", "no-store",
                    "X-Content-Type-Options", "nosniff"), body, () -> { });
        }

        Response with(String header, String value) {
            Map<String, String> more = new TreeMap<>(headers);
            more.put(header, value);
            return new Response(status, reason, Map.copyOf(more), body, afterSent);
        }

        Response afterSent(Runnable then) {
            return new Response(status, reason, headers, body, then);
        }
    }

    interface Handler {
        Response handle(Request request);
    }

    private static final InetAddress LOOPBACK_V4 = loopbackV4();
    private static final byte[] END_OF_HEAD = {'\r', '\n', '\r', '\n'};

    private final ServerSocket listener;
    private final LoopbackReceiver.Limits limits;
    private final Handler handler;
    /** Connections still sending their request, oldest first: the ones a newcomer may push out. */
    private final Set<Socket> reading = new LinkedHashSet<>();
    private volatile boolean closed;

    private LoopbackHttpServer(ServerSocket listener, LoopbackReceiver.Limits limits, Handler handler) {
        this.listener = listener;
        this.limits = limits;
        this.handler = handler;
    }

    /** Binds 127.0.0.1:{@code port} (0: any free port) and starts accepting. */
    static LoopbackHttpServer start(int port, LoopbackReceiver.Limits limits, Handler handler) throws IOException {
        ServerSocket listener = new ServerSocket();
        try {
            listener.bind(new InetSocketAddress(LOOPBACK_V4, port), 50);
        } catch (IOException e) {
            listener.close();
            throw e;
        }
        LoopbackHttpServer server = new LoopbackHttpServer(listener, limits, handler);
        daemon(server::acceptUntilClosed, "fedcred-loopback-accept").start();
        return server;
    }

    InetSocketAddress address() {
        return (InetSocketAddress) listener.getLocalSocketAddress();
    }

    /** Releases the port and drops every connection still sending; safe to call more than once. */
    @Override
    public void close() {
        closed = true;
        closeQuietly(listener);
        synchronized (reading) {
            reading.forEach(LoopbackHttpServer::closeQuietly);
            reading.clear();
        }
    }

    private void acceptUntilClosed() {
        while (!closed) {
            Socket connection;
            try {
                connection = listener.accept();
            } catch (IOException e) {
                if (closed) {
                    return;
                }
                continue;
            }
            if (admit(connection)) {
                daemon(() -> serve(connection), "fedcred-loopback-connection").start();
            }
        }
    }

    private boolean admit(Socket connection) {
        synchronized (reading) {
            if (closed) {
                closeQuietly(connection);
                return false;
            }
            if (reading.size() >= limits.maxConnections()) {
                Iterator<Socket> oldest = reading.iterator();
                closeQuietly(oldest.next());
                oldest.remove();
            }
            reading.add(connection);
            return true;
        }
    }

    private void doneReading(Socket connection) {
        synchronized (reading) {
            reading.remove(connection);
        }
    }

    private void serve(Socket connection) {
        try (connection) {
            connection.setTcpNoDelay(true);
            Response response;
            boolean head = false;
            try {
                Request request = readRequest(connection);
                head = request.isHead();
                doneReading(connection);
                response = handler.handle(request);
            } catch (SocketTimeoutException e) {
                response = plain(408, "Request Timeout");
            } catch (TooLargeException e) {
                response = plain(431, "Request Header Fields Too Large");
            } catch (MalformedException e) {
                response = plain(400, "Bad Request");
            }
            doneReading(connection);
            try {
                write(connection, response, head);
            } finally {
                response.afterSent().run();
            }
        } catch (IOException e) {
            // the client went away or was pushed out by newer connections: nothing to answer
        } finally {
            doneReading(connection);
        }
    }

    private Request readRequest(Socket connection) throws IOException {
        long deadline = System.nanoTime() + limits.readTimeout().toNanos();
        InputStream in = connection.getInputStream();
        ByteArrayOutputStream head = new ByteArrayOutputStream();
        byte[] buffer = new byte[2048];
        while (indexOf(head.toByteArray(), END_OF_HEAD) < 0) {
            long left = deadline - System.nanoTime();
            if (left <= 0) {
                throw new SocketTimeoutException("request head not complete in time");
            }
            connection.setSoTimeout((int) Math.max(1, Duration.ofNanos(left).toMillis()));
            int n = in.read(buffer);
            if (n < 0) {
                throw new IOException("the client closed the connection before finishing its request");
            }
            head.write(buffer, 0, n);
            if (head.size() > limits.maxRequestBytes()) {
                throw new TooLargeException();
            }
        }
        return parseRequestLine(head.toString(StandardCharsets.ISO_8859_1));
    }

    private static Request parseRequestLine(String head) throws MalformedException {
        String line = head.substring(0, head.indexOf("\r\n"));
        String[] parts = line.split(" ", -1);
        if (parts.length != 3 || !parts[2].startsWith("HTTP/1.") || !parts[1].startsWith("/")) {
            throw new MalformedException();
        }
        try {
            URI target = new URI(parts[1]);
            return new Request(parts[0], target.getPath(), target.getRawQuery());
        } catch (URISyntaxException e) {
            throw new MalformedException();
        }
    }

    private static void write(Socket connection, Response response, boolean head) throws IOException {
        StringBuilder text = new StringBuilder("HTTP/1.1 ").append(response.status()).append(' ')
                .append(response.reason()).append("\r\n");
        response.headers().forEach((name, value) -> text.append(name).append(": ").append(value).append("\r\n"));
        text.append("Content-Length: ").append(response.body().length).append("\r\n")
                .append("Connection: close\r\n\r\n");
        ByteArrayOutputStream bytes = new ByteArrayOutputStream();
        bytes.writeBytes(text.toString().getBytes(StandardCharsets.ISO_8859_1));
        if (!head) {
            bytes.writeBytes(response.body());
        }
        // one write, so headers and body leave in one segment instead of waiting on a delayed ACK
        OutputStream out = connection.getOutputStream();
        out.write(bytes.toByteArray());
        out.flush();
        connection.shutdownOutput();
    }

    private static Response plain(int status, String reason) {
        return Response.of(status, reason, "text/plain; charset=utf-8", (reason + "\n").getBytes(StandardCharsets.UTF_8));
    }

    private static int indexOf(byte[] data, byte[] pattern) {
        outer:
        for (int i = 0; i <= data.length - pattern.length; i++) {
            for (int j = 0; j < pattern.length; j++) {
                if (data[i + j] != pattern[j]) {
                    continue outer;
                }
            }
            return i;
        }
        return -1;
    }

    private static Thread daemon(Runnable work, String name) {
        Thread thread = new Thread(work, name);
        thread.setDaemon(true);
        return thread;
    }

    private static void closeQuietly(AutoCloseable closeable) {
        try {
            closeable.close();
        } catch (Exception ignored) {
            // closing is all that is left to do
        }
    }

    private static InetAddress loopbackV4() {
        try {
            return InetAddress.getByAddress("127.0.0.1", new byte[] {127, 0, 0, 1});
        } catch (UnknownHostException e) {
            throw new IllegalStateException(e);
        }
    }

    private static final class TooLargeException extends IOException {
    }

    private static final class MalformedException extends IOException {
    }
}
