package dev.fedcred.sandbox;

import com.sun.net.httpserver.HttpServer;
import com.sun.net.httpserver.HttpsConfigurator;
import com.sun.net.httpserver.HttpsParameters;
import com.sun.net.httpserver.HttpsServer;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.net.InetAddress;
import java.net.InetSocketAddress;
import java.net.URI;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Clock;
import java.util.Comparator;
import java.util.Collections;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.ThreadFactory;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicInteger;
import java.util.stream.Stream;
import javax.net.ssl.SSLContext;

/**
 * The local sandbox: one HTTP server on 127.0.0.1 hosting emulators of the services fedcred
 * talks to, so the whole sign-in can be exercised without real accounts, and one HTTPS server on
 * 127.0.0.1 for the Google Cloud emulator, whose clients accept only https URLs, and the
 * Kubernetes API server under {@code /k8s} on it.
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
    private final HttpsServer gcpServer;
    private final ExecutorService executor;
    private final URI issuerUri;
    private final Map<String, String> endpoints;
    private final AwsStsFaults awsStsFaults;
    private final AwsFederationFaults awsFederationFaults;
    private final GcpFaults gcpFaults;
    private final DeviceCodes deviceCodes;
    private final Path gcpCaFile;
    /** The data directory if this server created it as a temporary one, to delete on close; else null. */
    private final Path temporaryDataDir;

    private SandboxServer(HttpServer server, HttpsServer gcpServer, ExecutorService executor, URI issuerUri,
                          Map<String, String> endpoints, AwsStsFaults awsStsFaults,
                          AwsFederationFaults awsFederationFaults, GcpFaults gcpFaults,
                          DeviceCodes deviceCodes, Path gcpCaFile, Path temporaryDataDir) {
        this.deviceCodes = deviceCodes;
        this.server = server;
        this.gcpServer = gcpServer;
        this.executor = executor;
        this.issuerUri = issuerUri;
        this.endpoints = endpoints;
        this.awsStsFaults = awsStsFaults;
        this.awsFederationFaults = awsFederationFaults;
        this.gcpFaults = gcpFaults;
        this.gcpCaFile = gcpCaFile;
        this.temporaryDataDir = temporaryDataDir;
    }

    /**
     * Binds 127.0.0.1:{@code options.port()} (0 = any free port) for HTTP and
     * 127.0.0.1:{@code options.gcpPort()} for HTTPS, and starts serving.
     */
    public static SandboxServer start(SandboxOptions options) throws IOException {
        return start(options, Clock.systemUTC());
    }

    /** With a controllable clock, so tests can expire codes without sleeping. */
    public static SandboxServer start(SandboxOptions options, Clock clock) throws IOException {
        Path temporaryDataDir = null;
        HttpServer server = null;
        HttpsServer gcpServer = null;
        try {
            Path dataDir = options.dataDir();
            if (dataDir == null) {
                // Created 0700 on POSIX systems.
                temporaryDataDir = Files.createTempDirectory("fedcred-sandbox-");
                dataDir = temporaryDataDir;
            } else {
                SandboxTls.createPrivateDirectory(dataDir);
            }
            // Certificates are judged by the clients' real clocks, never by a test's clock.
            SandboxTls tls = SandboxTls.loadOrCreate(dataDir, Clock.systemUTC());

            InetAddress loopback = InetAddress.getByAddress("127.0.0.1", IPV4_LOOPBACK);
            server = HttpServer.create(new InetSocketAddress(loopback, options.port()), 0);
            gcpServer = HttpsServer.create(new InetSocketAddress(loopback, options.gcpPort()), 0);
            gcpServer.setHttpsConfigurator(tlsOnly(tls.serverContext()));
            // The issuer must carry the port actually bound, which is only known now when port was 0.
            int port = server.getAddress().getPort();
            URI issuer = URI.create("http://127.0.0.1:" + port);
            String gcpBase = "https://127.0.0.1:" + gcpServer.getAddress().getPort();
            Path caFile = tls.caFile().toAbsolutePath();

            AwsStsEmulator sts = new AwsStsEmulator(issuer.toString(), options, clock);
            OidcIssuerEmulator oidc = new OidcIssuerEmulator(issuer.toString(), options, clock);
            AwsFederationEmulator federation = new AwsFederationEmulator(issuer.toString(), sts.issuedCredentials(), clock);
            List<SandboxEmulator> emulators = List.of(oidc, sts, federation, new AwsAdminEndpoint(sts));
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
            GcpEmulator gcp = new GcpEmulator(gcpBase, caFile.toString(), issuer.toString(), options, clock);
            gcp.register(gcpServer);
            gcp.describeEndpoints(endpoints);
            server.createContext(GcpEmulator.ADMIN_PATH, HttpExchanges.guarded(gcp::handleAdmin));
            endpoints.put("gcp-config", issuer + GcpEmulator.ADMIN_PATH);
            KubernetesApiServer kubernetes = new KubernetesApiServer(gcpBase, caFile.toString(), List.of(
                    new EksTokenAuthenticator(URI.create(issuer + AwsStsEmulator.PATH), SandboxKubernetes.EKS_CLUSTER_NAME, clock),
                    new GkeTokenAuthenticator(gcp.tokens()),
                    new OidcTokenAuthenticator(issuer.toString(), options.kubernetesOidcClientId(),
                            new IssuerSignedJwts(new OidcProviderKeys()), clock)));
            kubernetes.register(gcpServer);
            kubernetes.describeEndpoints(endpoints);

            // One pool for both listeners: the GCP emulator fetches the issuer's keys from the HTTP one.
            ExecutorService executor = Executors.newFixedThreadPool(WORKER_THREADS, workerThreads(port));
            server.setExecutor(executor);
            gcpServer.setExecutor(executor);
            server.start();
            gcpServer.start();
            return new SandboxServer(server, gcpServer, executor, issuer, Collections.unmodifiableMap(endpoints),
                    sts.faults(), federation.faults(), gcp.faults(), oidc.deviceCodes(), caFile, temporaryDataDir);
        } catch (IOException | RuntimeException e) {
            // Nothing was started yet; free whatever was bound or created.
            if (server != null) {
                server.stop(0);
            }
            if (gcpServer != null) {
                gcpServer.stop(0);
            }
            deleteQuietly(temporaryDataDir);
            throw e;
        }
    }

    /** TLS 1.2 and 1.3 only, with the JDK's default cipher suites. */
    private static HttpsConfigurator tlsOnly(SSLContext context) {
        return new HttpsConfigurator(context) {
            @Override
            public void configure(HttpsParameters params) {
                var ssl = context.getDefaultSSLParameters();
                ssl.setProtocols(new String[] {"TLSv1.3", "TLSv1.2"});
                params.setSSLParameters(ssl);
            }
        };
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
     * device (the device authorization endpoint; its verification page is {@code <issuer>/device}),
     * userinfo, then aws-sts ({@code http://127.0.0.1:<port>/aws-sts}), aws-signin (the AWS federation
     * endpoint, {@code http://127.0.0.1:<port>/federation}), then the GCP emulator on its
     * HTTPS port: gcp-sts ({@code https://127.0.0.1:<gcpPort>/v1/token}), gcp-iamcredentials
     * ({@code https://127.0.0.1:<gcpPort>/v1/}, to which a client appends
     * {@code projects/-/serviceAccounts/EMAIL:generateAccessToken}), gcp-whoami
     * ({@code https://127.0.0.1:<gcpPort>/v1/whoami}) and gcp-ca (the absolute path of the CA
     * certificate to trust, not a URL), then the Kubernetes API server: kubernetes
     * ({@code https://127.0.0.1:<gcpPort>/k8s}, kubectl's server URL) and kubernetes-ca (the same CA
     * file as gcp-ca). Unmodifiable.
     */
    public Map<String, String> endpoints() {
        return endpoints;
    }

    /**
     * The PEM CA certificate a client must trust to talk to the GCP emulator; it stays the same
     * across runs with the same {@link SandboxOptions#dataDir}.
     */
    public Path gcpCaFile() {
        return gcpCaFile;
    }

    /** Errors and odd replies the STS emulator is to answer with next, for testing a client. */
    public AwsStsFaults awsStsFaults() {
        return awsStsFaults;
    }

    /** The issuer's device grant codes, and the hooks tests use to expire, decide or slow them. */
    public DeviceCodes deviceCodes() {
        return deviceCodes;
    }

    /** Refusals and odd replies the AWS federation endpoint ({@code aws-signin}) is to answer with next. */
    public AwsFederationFaults awsFederationFaults() {
        return awsFederationFaults;
    }

    /** Odd replies the GCP emulator's STS and IAM Credentials are to answer with next, for testing a client. */
    public GcpFaults gcpFaults() {
        return gcpFaults;
    }

    /**
     * Stops accepting connections, frees both ports and stops the worker threads; deletes the data
     * directory if it was a temporary one. Idempotent.
     */
    @Override
    public void close() {
        server.stop(0);
        gcpServer.stop(0);
        executor.shutdown();
        try {
            if (!executor.awaitTermination(2, TimeUnit.SECONDS)) {
                executor.shutdownNow();
            }
        } catch (InterruptedException e) {
            executor.shutdownNow();
            Thread.currentThread().interrupt();
        }
        deleteQuietly(temporaryDataDir);
    }

    private static void deleteQuietly(Path dir) {
        if (dir == null || !Files.exists(dir)) {
            return;
        }
        try (Stream<Path> paths = Files.walk(dir)) {
            paths.sorted(Comparator.reverseOrder()).forEach(path -> {
                try {
                    Files.deleteIfExists(path);
                } catch (IOException e) {
                    throw new UncheckedIOException(e);
                }
            });
        } catch (IOException | UncheckedIOException e) {
            // A leftover temporary directory holds only a throwaway CA; not worth failing close for.
        }
    }
}
