package dev.fedcred.core.files;

import dev.fedcred.core.FedcredException;
import java.nio.file.Path;
import java.time.Duration;

/** Another fedcred process (or window) held the lock on a file for too long. */
public class FileLockException extends FedcredException {
    private final Path file;

    public FileLockException(Path file, Path lockFile, Duration waited) {
        // the operating system drops the lock of a process that dies, so a stale lock file never
        // blocks anyone and there is nothing to delete by hand
        super("Another fedcred process is still updating " + file + " (it holds " + lockFile + ") after "
                + waited.toMillis() + " ms, so fedcred changed nothing. Let the other fedcred finish, then retry.");
        this.file = file;
    }

    public Path file() {
        return file;
    }
}
