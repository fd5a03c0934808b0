package dev.fedcred.sandbox;

import com.sun.net.httpserver.HttpServer;
import java.io.IOException;
import java.net.InetAddress;
import java.net.InetSocketAddress;
import java.net.URI;
import java.time.Clock;
import java.util.Collections;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.ThreadFactory;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicInteger;

/**
 * The local sandbox: one HTTP server on 127.0.0.1 hosting emulators of the services fedcred
 * talks to, so the whole sign-in can be exercised without real accounts.
 *
 * <p>Binds to the IPv4 loopback address only: the sandbox hands out tokens to anybody who asks,
 * so it must not be reachable from the network. This package deliberately shares no code with
 * the fedcred client, so that a misunderstanding of the protocols cannot hide in both.
 */
public final class SandboxServer implements AutoCloseable {
    static {
        // The JDK server writes headers and body as separate segments; with Nagle's algorithm on,
        // each response waits ~40 ms for the client's delayed ACK. Read once, before the first server.
        System.setProperty("sun.net.httpserver.nodelay", "true");
    }


    public static final int DEFAULT_PORT = 9750;

    /**
     * Enough that the STS emulator, while verifying a token, can fetch discovery and keys from the
     * sandbox's own issuer on this same server without starving other requests.
     */
    private static final int WORKER_THREADS = 8;
    /** Explicit 127.0.0.1 rather than getLoopbackAddress(), which may be ::1 and then mismatch the issuer URL. */
    private static final byte[] IPV4_LOOPBACK = {127, 0, 0, 1};

    private final HttpServer server;
    private final ExecutorService executor;
    private final URI issuerUri;
    private final Map<String, String> endpoints;
    private final AwsStsFaults awsStsFaults;

    private SandboxServer(HttpServer server, ExecutorService executor, URI issuerUri, Map<String, String> endpoints,
                          AwsStsFaults awsStsFaults) {
        this.server = server;
        this.executor = executor;
        this.issuerUri = issuerUri;
        this.endpoints = endpoints;
        this.awsStsFaults = awsStsFaults;
    }

    /** Binds 127.0.0.1:{@code options.port()} (0 = any free port) and starts serving. */
    public static SandboxServer start(SandboxOptions options) throws IOException {
        return start(options, Clock.systemUTC());
    }

    /** With a controllable clock, so tests can expire codes without sleeping. */
    static SandboxServer start(SandboxOptions options, Clock clock) throws IOException {
        InetAddress loopback = InetAddress.getByAddress("127.0.0.1", IPV4_LOOPBACK);
        HttpServer server = HttpServer.create(new InetSocketAddress(loopback, options.port()), 0);
        // The issuer must carry the port actually bound, which is only known now when port was 0.
        int port = server.getAddress().getPort();
        URI issuer = URI.create("http://127.0.0.1:" + port);

        AwsStsEmulator sts = new AwsStsEmulator(issuer.toString(), options, clock);
        List<SandboxEmulator> emulators = List.of(new OidcIssuerEmulator(issuer.toString(), options, clock), sts);
        Map<String, String> endpoints = new LinkedHashMap<>();
        for (SandboxEmulator emulator : emulators) {
            emulator.register(server);
            emulator.describeEndpoints(endpoints);
        }
        // The AWS SDK for Java v2 drops the path of an endpoint override for Query-protocol services
        // (aws/aws-sdk-java-v2#3387) and posts to "/", where real STS lives; answer STS there too,
        // so the real SDK works against the sandbox without a workaround in the client.
        server.createContext("/", HttpExchanges.guarded(exchange -> {
            if (sts.isQueryRequestAtRoot(exchange)) {
                sts.handle(exchange);
            } else {
                HttpExchanges.sendNotFound(exchange);
            }
        }));

        ExecutorService executor = Executors.newFixedThreadPool(WORKER_THREADS, workerThreads(port));
        server.setExecutor(executor);
        server.start();
        return new SandboxServer(server, executor, issuer, Collections.unmodifiableMap(endpoints), sts.faults());
    }

    private static ThreadFactory workerThreads(int port) {
        AtomicInteger count = new AtomicInteger();
        return task -> {
            Thread thread = new Thread(task, "fedcred-sandbox-" + port + "-" + count.incrementAndGet());
            // The HttpServer's own dispatcher thread keeps the JVM alive while serving; workers need not.
            thread.setDaemon(true);
            return thread;
        };
    }

    /** {@code http://127.0.0.1:<port>}, without a trailing slash, exactly as the {@code iss} claim. */
    public URI issuerUri() {
        return issuerUri;
    }

    /**
     * Endpoint name to absolute URL, in a stable order: issuer, discovery, jwks, authorize, token,
     * userinfo, then aws-sts ({@code http://127.0.0.1:<port>/aws-sts}). Unmodifiable.
     */
    public Map<String, String> endpoints() {
        return endpoints;
    }

    /** Errors the STS emulator is to answer with next, for testing a client's retries. */
    public AwsStsFaults awsStsFaults() {
        return awsStsFaults;
    }

    /** Stops accepting connections, frees the port and stops the worker threads. Idempotent. */
    @Override
    public void close() {
        server.stop(0);
        executor.shutdown();
        try {
            if (!executor.awaitTermination(2, TimeUnit.SECONDS)) {
                executor.shutdownNow();
            }
        } catch (InterruptedException e) {
            executor.shutdownNow();
            Thread.currentThread().interrupt();
        }
    }
}
