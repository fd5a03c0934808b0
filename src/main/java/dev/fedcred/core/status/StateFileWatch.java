package dev.fedcred.core.status;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.NoSuchFileException;
import java.nio.file.Path;
import java.nio.file.attribute.BasicFileAttributes;
import java.time.Duration;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.concurrent.Executors;
import java.util.concurrent.ScheduledExecutorService;
import java.util.concurrent.TimeUnit;

/**
 * Tells when another process changed one of fedcred's files: a {@code fedcred assume} in a
 * terminal, the AWS CLI's {@code credential_process}, a second window. It looks at each file's
 * identity, size and modification time a few times a second. Polling rather than the JDK's
 * WatchService: that polls too on macOS (every 10 seconds), and fedcred writes by atomic rename,
 * which a look at the file's identity (its inode) always catches. A handful of stat calls cost
 * next to nothing.
 */
public final class StateFileWatch implements AutoCloseable {
    public static final Duration DEFAULT_EVERY = Duration.ofMillis(250);

    private final List<Path> files;
    private final Runnable onChange;
    private final ScheduledExecutorService schedule = Executors.newSingleThreadScheduledExecutor(work -> {
        Thread thread = new Thread(work, "fedcred-file-watch");
        thread.setDaemon(true);
        return thread;
    });
    private final Map<Path, Object> seen = new HashMap<>();

    /** @param onChange runs on the watch's own thread after a change to any of the files */
    public StateFileWatch(List<Path> files, Runnable onChange) {
        this.files = List.copyOf(files);
        this.onChange = onChange;
    }

    /** Starts looking; what the files are now counts as unchanged. */
    public StateFileWatch start(Duration every) {
        files.forEach(file -> seen.put(file, stamp(file)));
        schedule.scheduleWithFixedDelay(this::look, every.toMillis(), every.toMillis(), TimeUnit.MILLISECONDS);
        return this;
    }

    private void look() {
        boolean changed = false;
        for (Path file : files) {
            Object now = stamp(file);
            if (!Objects.equals(seen.put(file, now), now)) {
                changed = true;
            }
        }
        if (changed) {
            try {
                onChange.run();
            } catch (RuntimeException e) {
                // a listener's failure must not end the watch
                System.getLogger(StateFileWatch.class.getName()).log(System.Logger.Level.WARNING,
                        "A listener of fedcred's files failed", e);
            }
        }
    }

    /** What identifies this version of the file; null when it is not there or cannot be read. */
    private static Object stamp(Path file) {
        try {
            BasicFileAttributes attributes = Files.readAttributes(file, BasicFileAttributes.class);
            return List.of(String.valueOf(attributes.fileKey()), attributes.size(),
                    attributes.lastModifiedTime().toMillis());
        } catch (NoSuchFileException e) {
            return null;
        } catch (IOException | SecurityException e) {
            return e.getClass().getName();
        }
    }

    @Override
    public void close() {
        schedule.shutdownNow();
    }
}
