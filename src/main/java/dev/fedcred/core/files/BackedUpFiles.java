package dev.fedcred.core.files;

import java.nio.file.Files;
import java.nio.file.LinkOption;
import java.nio.file.Path;
import java.util.function.BooleanSupplier;

/**
 * Replacing a file the user's tools read (the AWS files, a kubeconfig) after keeping, once, a copy
 * of it as it was before fedcred's first change: {@code <name>.fedcred-backup} (0600). That copy is
 * never overwritten, so it keeps the file as it was before fedcred touched it; delete it to have
 * the next write take a new one. The caller holds the file's {@link FileUpdateLock}.
 */
public final class BackedUpFiles {
    public static final String BACKUP_SUFFIX = ".fedcred-backup";

    private BackedUpFiles() {
    }

    /**
     * Writes {@code updated} atomically, after the one-time backup of {@code original} when the file
     * exists and {@code worthKeeping} says it holds something besides fedcred's own entries.
     */
    public static void replace(Path file, byte[] original, byte[] updated, BooleanSupplier worthKeeping) {
        Path backup = backupOf(file);
        if (Files.exists(file) && !Files.exists(backup, LinkOption.NOFOLLOW_LINKS) && worthKeeping.getAsBoolean()) {
            SecureFiles.writeAtomically(backup, original);
        }
        SecureFiles.writeAtomically(file, updated);
    }

    public static Path backupOf(Path file) {
        return file.resolveSibling(file.getFileName() + BACKUP_SUFFIX);
    }
}
