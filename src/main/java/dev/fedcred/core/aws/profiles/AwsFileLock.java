package dev.fedcred.core.aws.profiles;

import dev.fedcred.core.FedcredException;
import dev.fedcred.core.files.SecureFiles;
import java.io.IOException;
import java.nio.channels.FileChannel;
import java.nio.channels.FileLock;
import java.nio.file.Path;
import java.time.Duration;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.locks.ReentrantLock;

/**
 * Keeps two fedcred writers of the same AWS file from interleaving their read-modify-write.
 * Across processes: an OS lock on a sibling lock file ({@code .credentials.fedcred.lock}), which
 * the OS releases if the process dies. Within this JVM: a lock per lock file first, because OS
 * file locks belong to the whole JVM and a second thread's attempt would fail, not wait.
 */
final class AwsFileLock implements AutoCloseable {
    private static final ConcurrentHashMap<Path, ReentrantLock> IN_THIS_JVM = new ConcurrentHashMap<>();
    private static final long POLL_MILLIS = 5;

    private final ReentrantLock threadLock;
    private final FileChannel channel;
    private final FileLock fileLock;

    private AwsFileLock(ReentrantLock threadLock, FileChannel channel, FileLock fileLock) {
        this.threadLock = threadLock;
        this.channel = channel;
        this.fileLock = fileLock;
    }

    static Path lockFileFor(Path file) {
        return file.resolveSibling("." + file.getFileName() + ".fedcred.lock");
    }

    /** Waits up to {@code wait} for the lock on {@code file} (a resolved, absolute path). */
    static AwsFileLock acquire(Path file, Duration wait) {
        Path lockFile = lockFileFor(file).normalize();
        long deadline = System.nanoTime() + wait.toNanos();
        ReentrantLock threadLock = IN_THIS_JVM.computeIfAbsent(lockFile, path -> new ReentrantLock());
        try {
            if (!threadLock.tryLock(wait.toNanos(), TimeUnit.NANOSECONDS)) {
                throw new AwsFileLockException(file, lockFile, wait);
            }
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new FedcredException("Interrupted while waiting to update " + file + "; nothing was changed.", e);
        }
        if (threadLock.getHoldCount() > 1) {
            // this thread already holds the OS lock (the credentials and config files are one file)
            return new AwsFileLock(threadLock, null, null);
        }
        FileChannel channel = null;
        try {
            channel = SecureFiles.openLockFile(lockFile);
            while (true) {
                FileLock fileLock = channel.tryLock();
                if (fileLock != null) {
                    return new AwsFileLock(threadLock, channel, fileLock);
                }
                if (System.nanoTime() - deadline > 0) {
                    throw new AwsFileLockException(file, lockFile, wait);
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
            throw new FedcredException("Interrupted while waiting to update " + file + "; nothing was changed.", e);
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
