package dev.fedcred.core.files;

import dev.fedcred.core.FedcredException;
import java.io.IOException;
import java.nio.channels.FileChannel;
import java.nio.channels.FileLock;
import java.nio.file.Path;
import java.time.Duration;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.locks.ReentrantLock;

/**
 * Keeps two fedcred writers of the same file from interleaving their read-modify-write, whether
 * they are threads of one JVM or separate processes (parallel {@code credential_process} runs, the
 * app renewing while the CLI runs). Across processes: an OS lock on a sibling lock file
 * ({@code .credentials.fedcred.lock}), which the OS releases if the process dies. Within this JVM:
 * a lock per lock file first, because OS file locks belong to the whole JVM and a second thread's
 * attempt would fail, not wait. The lock is reentrant: a thread holding it (a read-modify-write)
 * may take it again (the write itself).
 */
public final class FileUpdateLock implements AutoCloseable {
    /** Long enough for another process's keychain call (5 s at most) inside its update. */
    public static final Duration DEFAULT_WAIT = Duration.ofSeconds(10);

    private static final ConcurrentHashMap<Path, ReentrantLock> IN_THIS_JVM = new ConcurrentHashMap<>();
    private static final long POLL_MILLIS = 5;

    private final ReentrantLock threadLock;
    private final FileChannel channel;
    private final FileLock fileLock;

    private FileUpdateLock(ReentrantLock threadLock, FileChannel channel, FileLock fileLock) {
        this.threadLock = threadLock;
        this.channel = channel;
        this.fileLock = fileLock;
    }

    /** The lock file of {@code file}; never deleted (see {@link SecureFiles#openLockFile}). */
    public static Path lockFileFor(Path file) {
        return file.resolveSibling("." + file.getFileName() + ".fedcred.lock");
    }

    /** Waits up to {@link #DEFAULT_WAIT} for the lock on {@code file}. */
    public static FileUpdateLock acquire(Path file) {
        return acquire(file, DEFAULT_WAIT);
    }

    /**
     * Waits up to {@code wait} for the lock on {@code file}, creating its directory (owner-only) if
     * needed. Callers that follow symbolic links pass the resolved path, so that every writer of
     * one real file takes the same lock.
     */
    public static FileUpdateLock acquire(Path file, Duration wait) {
        Path absolute = file.toAbsolutePath().normalize();
        Path lockFile = lockFileFor(absolute);
        long deadline = System.nanoTime() + wait.toNanos();
        ReentrantLock threadLock = IN_THIS_JVM.computeIfAbsent(lockFile, path -> new ReentrantLock());
        try {
            if (!threadLock.tryLock(wait.toNanos(), TimeUnit.NANOSECONDS)) {
                throw new FileLockException(absolute, lockFile, wait);
            }
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new FedcredException("Interrupted while waiting to update " + absolute + "; nothing was changed.", e);
        }
        if (threadLock.getHoldCount() > 1) {
            // this thread already holds the OS lock (a write inside a read-modify-write, or the
            // credentials and config files are one file)
            return new FileUpdateLock(threadLock, null, null);
        }
        FileChannel channel = null;
        try {
            channel = SecureFiles.openLockFile(lockFile);
            while (true) {
                FileLock fileLock = channel.tryLock();
                if (fileLock != null) {
                    return new FileUpdateLock(threadLock, channel, fileLock);
                }
                if (System.nanoTime() - deadline > 0) {
                    throw new FileLockException(absolute, lockFile, wait);
                }
                Thread.sleep(POLL_MILLIS);
            }
        } catch (IOException e) {
            closeQuietly(channel);
            threadLock.unlock();
            throw new FedcredException("Cannot lock " + lockFile + ": " + e.getMessage() + ". Nothing was changed;"
                    + " check that you can write to " + lockFile.getParent() + ".", e);
        } catch (InterruptedException e) {
            closeQuietly(channel);
            threadLock.unlock();
            Thread.currentThread().interrupt();
            throw new FedcredException("Interrupted while waiting to update " + absolute + "; nothing was changed.", e);
        } catch (RuntimeException e) {
            closeQuietly(channel);
            threadLock.unlock();
            throw e;
        }
    }

    @Override
    public void close() {
        try {
            if (fileLock != null) {
                fileLock.release();
            }
        } catch (IOException ignored) {
            // closing the channel below releases the lock too
        } finally {
            closeQuietly(channel);
            threadLock.unlock();
        }
    }

    private static void closeQuietly(FileChannel channel) {
        if (channel == null) {
            return;
        }
        try {
            channel.close();
        } catch (IOException ignored) {
            // nothing was written through it
        }
    }
}
