package dev.fedcred;

import dev.fedcred.sandbox.SandboxOptions;
import dev.fedcred.sandbox.SandboxServer;
import java.io.IOException;
import java.net.InetAddress;
import java.net.InetSocketAddress;
import java.net.Socket;
import java.net.URI;
import java.nio.file.Path;

/**
 * The sandbox inside the desktop app: started on first use when nothing listens on the sandbox
 * port yet (a `fedcred sandbox` already running in a terminal is used as it is), and stopped
 * with the app.
 */
public final class EmbeddedSandbox implements AutoCloseable {
    private final int port;
    private final int gcpPort;
    private final Path dataDir;
    private SandboxServer server;

    /** @param dataDir where the GCP emulator keeps its CA, which the built-in sandbox-gcp target trusts */
    public EmbeddedSandbox(int port, int gcpPort, Path dataDir) {
        this.port = port;
        this.gcpPort = gcpPort;
        this.dataDir = dataDir;
    }

    public synchronized URI ensureRunning() throws IOException {
        if (server != null) {
            return server.issuerUri();
        }
        if (somethingListens()) {
            return URI.create("http://127.0.0.1:" + port);
        }
        server = SandboxServer.start(SandboxOptions.defaults().withPort(port).withGcpPort(gcpPort).withDataDir(dataDir));
        return server.issuerUri();
    }

    @Override
    public synchronized void close() {
        if (server != null) {
            server.close();
            server = null;
        }
    }

    private boolean somethingListens() {
        try (Socket socket = new Socket()) {
            socket.connect(new InetSocketAddress(InetAddress.getByName("127.0.0.1"), port), 300);
            return true;
        } catch (IOException e) {
            return false;
        }
    }
}
