package dev.fedcred.core.files;

import dev.fedcred.core.FedcredException;
import java.io.IOException;
import java.nio.ByteBuffer;
import java.nio.channels.FileChannel;
import java.nio.file.AtomicMoveNotSupportedException;
import java.nio.file.FileAlreadyExistsException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardCopyOption;
import java.nio.file.StandardOpenOption;
import java.nio.file.attribute.PosixFilePermission;
import java.nio.file.attribute.PosixFilePermissions;
import java.util.Set;

/**
 * Writes files that hold credentials: owner-only permissions (0600 files in 0700 directories
 * that we create), and atomic replacement through a temp file in the same directory that is
 * fsynced before the rename, so a crash leaves either the old file or the new one, never half.
 */
public final class SecureFiles {
    static final Set<PosixFilePermission> OWNER_FILE = PosixFilePermissions.fromString("rw-------");
    private static final Set<PosixFilePermission> OWNER_DIR = PosixFilePermissions.fromString("rwx------");

    private static final int MAX_LINK_HOPS = 40;

    private SecureFiles() {
    }

    /** Creates the directory and any missing parents, each one we create owner-only. */
    public static void createPrivateDirectories(Path dir) {
        Path absolute = dir.toAbsolutePath();
        if (Files.isDirectory(absolute)) {
            return;
        }
        Path parent = absolute.getParent();
        if (parent != null) {
            createPrivateDirectories(parent);
        }
        try {
            if (isPosix(parent)) {
                Files.createDirectory(absolute, PosixFilePermissions.asFileAttribute(OWNER_DIR));
            } else {
                Files.createDirectory(absolute);
            }
        } catch (FileAlreadyExistsException raced) {
            // another process made it between our check and create: fine
        } catch (IOException e) {
            throw new FedcredException("Cannot create the directory " + absolute + ": " + e.getMessage()
                    + ". Check that you can write to " + parent + ".", e);
        }
    }

    /**
     * Replaces {@code target} with {@code content} atomically; the result is 0600 on POSIX systems.
     * Runs under the target's {@link FileUpdateLock} (callers doing a read-modify-write hold it
     * already), which makes it safe to delete the temp files a killed writer left behind first.
     *
     * @throws ReadOnlyFileException when the user made the target read-only; it stays untouched
     */
    public static void writeAtomically(Path target, byte[] content) {
        Path absolute = target.toAbsolutePath();
        Path dir = absolute.getParent();
        createPrivateDirectories(dir);
        try (FileUpdateLock lock = FileUpdateLock.acquire(absolute)) {
            requireWritableByOwner(absolute);
            TempFiles.removeLeftovers(absolute);
            replace(absolute, content);
        }
    }

    /**
     * Refuses to replace a file its owner made read-only (0400, or the read-only attribute): that is
     * the user's choice, and replacing the file would silently undo it.
     */
    public static void requireWritableByOwner(Path file) {
        try {
            if (!Files.exists(file)) {
                return;
            }
            boolean readOnly = isPosix(file.getParent())
                    ? !Files.getPosixFilePermissions(file).contains(PosixFilePermission.OWNER_WRITE)
                    : !Files.isWritable(file);
            if (readOnly) {
                throw new ReadOnlyFileException(file);
            }
        } catch (IOException e) {
            throw new FedcredException("Cannot check the permissions of " + file + ": " + e.getMessage()
                    + ". Check that you can read its directory; fedcred changed nothing.", e);
        }
    }

    private static void replace(Path absolute, byte[] content) {
        Path dir = absolute.getParent();
        Path temp = null;
        try {
            temp = TempFiles.create(absolute);
            try (FileChannel channel = FileChannel.open(temp, StandardOpenOption.WRITE)) {
                ByteBuffer buffer = ByteBuffer.wrap(content);
                while (buffer.hasRemaining()) {
                    channel.write(buffer);
                }
                channel.force(true);
            }
            moveIntoPlace(temp, absolute);
            temp = null;
            syncDirectory(dir);
        } catch (IOException e) {
            throw new FedcredException("Cannot write " + absolute + ": " + e.getMessage()
                    + ". The previous file, if any, is unchanged.", e);
        } finally {
            deleteQuietly(temp);
        }
    }

    /**
     * The file that {@code path} finally names, following symbolic links (a dangling link's target
     * too). Writing to the result replaces the link's target atomically in its own directory and
     * leaves the link itself in place; renaming onto the link would silently replace it with a
     * plain file and cut the user's link (dotfile managers rely on such links).
     */
    public static Path resolveSymbolicLinks(Path path) {
        Path current = path.toAbsolutePath();
        try {
            for (int hops = 0; Files.isSymbolicLink(current); hops++) {
                if (hops == MAX_LINK_HOPS) {
                    throw new FedcredException(path + " is a chain of more than " + MAX_LINK_HOPS
                            + " symbolic links (a loop?). Point it at a real file and retry.");
                }
                // a relative link is relative to the directory holding the link
                current = current.resolveSibling(Files.readSymbolicLink(current));
            }
        } catch (IOException e) {
            throw new FedcredException("Cannot follow the symbolic link " + current + ": " + e.getMessage()
                    + ". Check the link and retry.", e);
        }
        return current;
    }

    /**
     * Opens (creating 0600 if needed) a file used only for {@link FileChannel#lock}; the caller
     * closes the channel. Lock files are never deleted: deleting one while another process waits
     * on it would let a third process lock a new file of the same name at the same time.
     */
    public static FileChannel openLockFile(Path lockFile) {
        Path absolute = lockFile.toAbsolutePath();
        createPrivateDirectories(absolute.getParent());
        Set<StandardOpenOption> options = Set.of(StandardOpenOption.CREATE, StandardOpenOption.WRITE);
        try {
            if (isPosix(absolute.getParent())) {
                return FileChannel.open(absolute, options, PosixFilePermissions.asFileAttribute(OWNER_FILE));
            }
            return FileChannel.open(absolute, options);
        } catch (IOException e) {
            throw new FedcredException("Cannot open the lock file " + absolute + ": " + e.getMessage()
                    + ". Check that you can write to " + absolute.getParent() + ".", e);
        }
    }

    private static void moveIntoPlace(Path temp, Path target) throws IOException {
        try {
            Files.move(temp, target, StandardCopyOption.ATOMIC_MOVE, StandardCopyOption.REPLACE_EXISTING);
        } catch (AtomicMoveNotSupportedException e) {
            Files.move(temp, target, StandardCopyOption.REPLACE_EXISTING);
        }
    }

    /** Makes the rename itself durable; not every platform can open a directory, which is fine. */
    private static void syncDirectory(Path dir) {
        try (FileChannel channel = FileChannel.open(dir, StandardOpenOption.READ)) {
            channel.force(true);
        } catch (IOException | UnsupportedOperationException ignored) {
            // Windows cannot open directories; the rename is still atomic there.
        }
    }

    static boolean isPosix(Path path) {
        return path != null && path.getFileSystem().supportedFileAttributeViews().contains("posix");
    }

    static void deleteQuietly(Path path) {
        if (path == null) {
            return;
        }
        try {
            Files.deleteIfExists(path);
        } catch (IOException ignored) {
            // a stray temp file is harmless and owner-only
        }
    }
}
