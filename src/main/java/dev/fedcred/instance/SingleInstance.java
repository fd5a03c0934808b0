package dev.fedcred.instance;

import dev.fedcred.core.FedcredException;
import dev.fedcred.core.files.SecureFiles;
import java.io.IOException;
import java.net.StandardProtocolFamily;
import java.net.UnixDomainSocketAddress;
import java.nio.ByteBuffer;
import java.nio.channels.FileChannel;
import java.nio.channels.FileLock;
import java.nio.channels.OverlappingFileLockException;
import java.nio.channels.SelectionKey;
import java.nio.channels.Selector;
import java.nio.channels.ServerSocketChannel;
import java.nio.channels.SocketChannel;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.attribute.PosixFilePermissions;
import java.time.Duration;
import java.util.Optional;

/**
 * One desktop app per user: the first launch holds a lock in fedcred's state directory (0700,
 * so only its user gets in) and listens on a Unix-domain socket beside it; a later launch finds
 * the lock taken, asks the first through the socket to bring its window forward, and ends. The
 * operating system drops the lock of a process that dies, so the socket file a crashed app left
 * behind is simply replaced. Uses no JavaFX: a second launch never starts it.
 */
public final class SingleInstance implements AutoCloseable {
    public static final String ALREADY_RUNNING = "fedcred is already running; brought its window forward.";
    static final String LOCK_FILE = "app.lock";
    static final String SOCKET_FILE = "app.sock";
    private static final String SHOW = "show\n";
    private static final String SHOWN = "shown\n";
    /** How long a later launch waits for the first to listen (it may be starting) and to answer. */
    private static final Duration ANSWER_WAIT = Duration.ofSeconds(5);
    private static final System.Logger LOG = System.getLogger(SingleInstance.class.getName());

    private final FileChannel lockChannel;
    private final FileLock lock;
    private final Path socketFile;
    private final ServerSocketChannel server;
    private volatile Runnable onShowRequest = () -> { };

    private SingleInstance(FileChannel lockChannel, FileLock lock, Path socketFile, ServerSocketChannel server) {
        this.lockChannel = lockChannel;
        this.lock = lock;
        this.socketFile = socketFile;
        this.server = server;
    }

    /**
     * Becomes the one instance for {@code stateDir}, or asks the instance that already is to show
     * its window.
     *
     * @return this launch's claim; empty when another instance runs and was asked to show its window
     * @throws FedcredException when another instance holds the lock but does not answer
     */
    public static Optional<SingleInstance> claim(Path stateDir) {
        SecureFiles.createPrivateDirectories(stateDir);
        Path socketFile = stateDir.resolve(SOCKET_FILE).toAbsolutePath();
        FileChannel channel = SecureFiles.openLockFile(stateDir.resolve(LOCK_FILE));
        FileLock lock = tryLock(channel);
        if (lock == null) {
            closeQuietly(channel);
            askToShow(socketFile);
            return Optional.empty();
        }
        SingleInstance instance = new SingleInstance(channel, lock, socketFile, listen(socketFile));
        instance.startAccepting();
        return Optional.of(instance);
    }

    /** What a later launch's request runs (from a background thread); the window sets it once it exists. */
    public void onShowRequest(Runnable handler) {
        this.onShowRequest = handler;
    }

    /** Stops listening and gives up the lock; the socket file goes, the lock file stays (see {@link SecureFiles#openLockFile}). */
    @Override
    public void close() {
        if (server != null) {
            closeQuietly(server);
            try {
                Files.deleteIfExists(socketFile);
            } catch (IOException e) {
                // the next instance, holding the lock, replaces it
            }
        }
        try {
            lock.release();
        } catch (IOException e) {
            // closing the channel releases it too
        }
        closeQuietly(lockChannel);
    }

    /** @return the lock, or null when another process (or another claim in this JVM) holds it */
    private static FileLock tryLock(FileChannel channel) {
        try {
            return channel.tryLock();
        } catch (OverlappingFileLockException heldInThisJvm) {
            return null;
        } catch (IOException e) {
            closeQuietly(channel);
            throw new FedcredException("Cannot lock " + LOCK_FILE + " in fedcred's state directory: " + e.getMessage()
                    + ". Check that you can write there.", e);
        }
    }

    /**
     * Whoever holds the lock owns the socket file, so one that is there now was left by an
     * instance that died. Without a socket (a path too long for one, say) the app still runs; only
     * a later launch cannot reach it.
     */
    private static ServerSocketChannel listen(Path socketFile) {
        ServerSocketChannel server = null;
        try {
            Files.deleteIfExists(socketFile);
            server = ServerSocketChannel.open(StandardProtocolFamily.UNIX);
            server.bind(UnixDomainSocketAddress.of(socketFile));
            if (socketFile.getFileSystem().supportedFileAttributeViews().contains("posix")) {
                Files.setPosixFilePermissions(socketFile, PosixFilePermissions.fromString("rw-------"));
            }
            return server;
        } catch (IOException | UnsupportedOperationException e) {
            closeQuietly(server);
            LOG.log(System.Logger.Level.WARNING, "Cannot listen on " + socketFile + " (" + e.getMessage()
                    + "); a second launch of fedcred will not find this window.");
            return null;
        }
    }

    private void startAccepting() {
        if (server == null) {
            return;
        }
        Thread accepting = new Thread(() -> {
            while (server.isOpen()) {
                try {
                    SocketChannel client = server.accept();
                    Thread answering = new Thread(() -> answer(client), "fedcred-single-instance-answer");
                    answering.setDaemon(true);
                    answering.start();
                } catch (IOException closed) {
                    return;
                }
            }
        }, "fedcred-single-instance");
        accepting.setDaemon(true);
        accepting.start();
    }

    private void answer(SocketChannel client) {
        try (client) {
            if (SHOW.equals(readLine(client))) {
                onShowRequest.run();
                write(client, SHOWN);
            }
        } catch (IOException e) {
            // the other launch gave up; nothing to do
        }
    }

    /** Connects (waiting while the first instance starts up), sends "show" and waits for "shown". */
    private static void askToShow(Path socketFile) {
        long deadline = System.nanoTime() + ANSWER_WAIT.toNanos();
        IOException last = null;
        while (System.nanoTime() < deadline) {
            try (SocketChannel channel = SocketChannel.open(StandardProtocolFamily.UNIX)) {
                channel.connect(UnixDomainSocketAddress.of(socketFile));
                write(channel, SHOW);
                if (SHOWN.equals(readLine(channel))) {
                    return;
                }
                last = new IOException("it answered something else");
                break;
            } catch (IOException e) {
                last = e;
                pause();
            }
        }
        throw new FedcredException("fedcred is already running (it holds " + LOCK_FILE + " in " + socketFile.getParent()
                + ") but did not answer on " + socketFile + (last == null ? "" : " (" + last.getMessage() + ")")
                + ". Open it from its tray icon, or end it and start fedcred again.", last);
    }

    private static void write(SocketChannel channel, String text) throws IOException {
        ByteBuffer buffer = ByteBuffer.wrap(text.getBytes(StandardCharsets.US_ASCII));
        while (buffer.hasRemaining()) {
            channel.write(buffer);
        }
    }

    /** Reads one short line, giving up after {@link #ANSWER_WAIT}: the other side may be stuck. */
    private static String readLine(SocketChannel channel) throws IOException {
        channel.configureBlocking(false);
        ByteBuffer buffer = ByteBuffer.allocate(64);
        long deadline = System.nanoTime() + ANSWER_WAIT.toNanos();
        try (Selector selector = Selector.open()) {
            channel.register(selector, SelectionKey.OP_READ);
            while (buffer.hasRemaining()) {
                long waitMillis = (deadline - System.nanoTime()) / 1_000_000;
                if (waitMillis <= 0) {
                    throw new IOException("no answer within " + ANSWER_WAIT.toSeconds() + " s");
                }
                selector.select(waitMillis);
                selector.selectedKeys().clear();
                if (channel.read(buffer) < 0) {
                    break;
                }
                if (buffer.position() > 0 && buffer.get(buffer.position() - 1) == '\n') {
                    break;
                }
            }
        }
        return new String(buffer.array(), 0, buffer.position(), StandardCharsets.US_ASCII);
    }

    private static void pause() {
        try {
            Thread.sleep(100);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
        }
    }

    private static void closeQuietly(AutoCloseable closeable) {
        if (closeable == null) {
            return;
        }
        try {
            closeable.close();
        } catch (Exception ignored) {
            // closing on the way out
        }
    }
}
