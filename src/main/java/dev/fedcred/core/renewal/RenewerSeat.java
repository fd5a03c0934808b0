package dev.fedcred.core.renewal;

import dev.fedcred.core.FedcredPaths;
import dev.fedcred.core.files.BoundedFiles;
import dev.fedcred.core.files.FileSizeLimit;
import dev.fedcred.core.files.SecureFiles;
import java.io.IOException;
import java.nio.channels.FileChannel;
import java.nio.channels.FileLock;
import java.nio.channels.OverlappingFileLockException;
import java.nio.file.Files;
import java.nio.file.NoSuchFileException;
import java.nio.file.Path;
import java.time.Clock;
import java.util.List;
import java.util.Optional;
import java.util.Set;
import java.util.concurrent.ConcurrentHashMap;

/**
 * One renewer at a time per user, across processes: the desktop app and the background agent both
 * renew on a schedule, and whichever holds this seat renews; the other only tries to take the seat
 * at each of its checks. The seat is an OS lock on {@code renewer.lock} in fedcred's state
 * directory, held for as long as the holder runs: the OS releases it when the holder exits or
 * dies, so the other takes over at its next check, within one check interval. Beside it,
 * {@code renewer.json} says who holds it, since when, and its last and next renewal.
 *
 * <p>First come, first served, in both directions: an app started while the agent runs leaves the
 * renewing to the agent (and says so); an agent started while the app runs idles until the app exits.
 */
public final class RenewerSeat implements AutoCloseable {
    public static final String AGENT = "agent";
    public static final String APP = "app";
    /**
     * Lock files a seat of this JVM holds. On Linux, closing any channel of a file drops every lock
     * the process holds on it, so this JVM never opens a channel on a lock file it holds.
     */
    private static final Set<Path> HELD_IN_THIS_JVM = ConcurrentHashMap.newKeySet();

    private final Path lockFile;
    private final Path stateFile;
    private final String role;
    private final Clock clock;
    private FileChannel channel;
    private FileLock lock;
    private RenewerState state;

    public RenewerSeat(Path lockFile, Path stateFile, String role, Clock clock) {
        this.lockFile = lockFile.toAbsolutePath().normalize();
        this.stateFile = stateFile;
        this.role = role;
        this.clock = clock;
    }

    /** The seat in fedcred's state directory, for {@code role}. */
    public static RenewerSeat in(FedcredPaths paths, String role, Clock clock) {
        return new RenewerSeat(lockFileIn(paths), stateFileIn(paths), role, clock);
    }

    public static Path lockFileIn(FedcredPaths paths) {
        return paths.stateDir().resolve("renewer.lock");
    }

    public static Path stateFileIn(FedcredPaths paths) {
        return paths.stateDir().resolve("renewer.json");
    }

    /**
     * Renews what is due when this process holds the seat or can take it now; empty when another
     * process holds it. The state file then says when this check was and when the next renewal is due.
     */
    public synchronized Optional<List<RenewalOutcome>> renewIfHeld(CredentialRenewer renewer) {
        if (!holdOrTake()) {
            return Optional.empty();
        }
        List<RenewalOutcome> outcomes = renewer.renewDue();
        boolean renewed = outcomes.stream().anyMatch(RenewalOutcome::succeeded);
        state = state.checked(clock.instant(), renewed, renewer.nextDue().orElse(null));
        SecureFiles.writeAtomically(stateFile, state.toJson());
        return Optional.of(outcomes);
    }

    /** True when this process holds the seat, taking it first if no process does. */
    public synchronized boolean holdOrTake() {
        if (lock != null) {
            return true;
        }
        if (!HELD_IN_THIS_JVM.add(lockFile)) {
            return false;
        }
        FileChannel opened;
        try {
            opened = SecureFiles.openLockFile(lockFile);
        } catch (RuntimeException e) {
            HELD_IN_THIS_JVM.remove(lockFile);
            throw e;
        }
        FileLock taken = tryLock(opened);
        if (taken == null) {
            closeQuietly(opened);
            HELD_IN_THIS_JVM.remove(lockFile);
            return false;
        }
        channel = opened;
        lock = taken;
        state = new RenewerState(role, ProcessHandle.current().pid(), clock.instant(), null, null, null);
        SecureFiles.writeAtomically(stateFile, state.toJson());
        return true;
    }

    /** Whether this process holds the seat. */
    public synchronized boolean held() {
        return lock != null;
    }

    /**
     * Who renews now: this seat's state when it holds the seat, another process's when one holds
     * it, empty when none does. Looking takes the lock for an instant when it is free, so a
     * process trying to take the seat at that instant tries again at its next check.
     */
    public synchronized Optional<RenewerState> holder() {
        if (lock != null) {
            return Optional.of(state);
        }
        return heldElsewhere(lockFile) ? lastKnown(stateFile) : Optional.empty();
    }

    /** Who holds the seat of {@code paths}, as {@link #holder()} sees it from a process that does not. */
    public static Optional<RenewerState> holderOf(FedcredPaths paths) {
        return heldElsewhere(lockFileIn(paths)) ? lastKnown(stateFileIn(paths)) : Optional.empty();
    }

    /** What the state file says, whether or not its writer still runs: its last renewal outlives it. */
    public static Optional<RenewerState> lastKnown(Path stateFile) {
        try {
            return RenewerState.fromJson(BoundedFiles.read(stateFile, FileSizeLimit.SETTINGS));
        } catch (NoSuchFileException e) {
            return Optional.empty();
        } catch (IOException | RuntimeException e) {
            return Optional.empty();
        }
    }

    private static boolean heldElsewhere(Path lockFile) {
        Path absolute = lockFile.toAbsolutePath().normalize();
        if (HELD_IN_THIS_JVM.contains(absolute)) {
            return true;
        }
        if (!Files.exists(absolute)) {
            return false;
        }
        try (FileChannel probe = SecureFiles.openLockFile(absolute)) {
            FileLock free = tryLock(probe);
            if (free == null) {
                return true;
            }
            free.release();
            return false;
        } catch (IOException e) {
            return false;
        }
    }

    /** The lock, or null when another process holds it (or another seat of this JVM, as in tests). */
    private static FileLock tryLock(FileChannel channel) {
        try {
            return channel.tryLock();
        } catch (OverlappingFileLockException e) {
            return null;
        } catch (IOException e) {
            return null;
        }
    }

    /** Leaves the seat; the other front end takes it at its next check. */
    @Override
    public synchronized void close() {
        if (lock != null) {
            try {
                lock.release();
            } catch (IOException ignored) {
                // closing the channel releases it too
            }
            lock = null;
            closeQuietly(channel);
            channel = null;
            HELD_IN_THIS_JVM.remove(lockFile);
        }
    }

    private static void closeQuietly(FileChannel channel) {
        if (channel == null) {
            return;
        }
        try {
            channel.close();
        } catch (IOException ignored) {
            // only a lock was held through it
        }
    }
}
